namespace Alpha.Features.Tests;

/// <summary>Reads a named column of a <see cref="FeatureFrame"/>: a model input by its snake_case name, or alpha, sigma, spread, r.</summary>
internal static class FeatureColumns
{
    public static double Get(FeatureFrame frame, string name, int bar) => name switch
    {
        "alpha" => frame.Alpha[bar],
        "sigma" => frame.Sigma[bar],
        "spread" => frame.Spread[bar],
        "r" => frame.HedgedReturn[bar],
        _ => frame[(PairFeature)FeatureNames.ModelInputs.IndexOf(name)][bar],
    };

    public static IEnumerable<string> All => [.. FeatureNames.ModelInputs, "alpha", "sigma", "spread", "r"];
}
