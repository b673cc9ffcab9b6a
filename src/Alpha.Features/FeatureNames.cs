using System.Collections.Immutable;

namespace Alpha.Features;

/// <summary>The snake_case names of the model inputs, in <see cref="PairFeature"/> order (as written in feature_schema.json).</summary>
public static class FeatureNames
{
    /// <summary>Number of model inputs.</summary>
    public const int Count = 17;

    /// <summary>beta, z, dz, z_ema, speed, half_life, rho, rho_var, beta_stability, atr_A, atr_B, atr_spread, atr_ratio, ema_gap, slope, rsi_spread, dd_recent.</summary>
    public static ImmutableArray<string> ModelInputs { get; } =
    [
        "beta", "z", "dz", "z_ema", "speed", "half_life", "rho", "rho_var", "beta_stability",
        "atr_A", "atr_B", "atr_spread", "atr_ratio", "ema_gap", "slope", "rsi_spread", "dd_recent",
    ];

    /// <summary>The name of <paramref name="feature"/>.</summary>
    public static string Of(PairFeature feature) => ModelInputs[(int)feature];
}
