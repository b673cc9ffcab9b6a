using System.Globalization;
using System.Text;
using Alpha.Configuration;

namespace Alpha.Registry;

/// <summary>
/// What a <c>direction-3class</c> version's <c>direction_params.yaml</c> holds: the labels it learned (the spread's
/// entry-fixed move over <see cref="HorizonBars"/> against ±<see cref="Threshold"/> σ), its rounds, the feature schema it
/// was trained with, and its seed. Its classes are down, range, up, in that order.
/// </summary>
/// <param name="HorizonBars">h, bars ahead (≥ 1).</param>
/// <param name="Threshold">The move, in σ, beyond which the label is up or down (positive).</param>
/// <param name="Rounds">The booster's rounds (≥ 1).</param>
/// <param name="FeatureSchemaHash">SHA-256 of the version's <c>feature_schema.json</c>.</param>
/// <param name="Seed">The training seed.</param>
public sealed record DirectionParameters(int HorizonBars, double Threshold, int Rounds, string FeatureSchemaHash, int Seed)
{
    /// <summary>The catalogue kind that serves these versions, written as the file's <c>kind</c>.</summary>
    public const string KindName = "direction-3class";

    /// <summary>The file's text.</summary>
    public string ToYaml()
    {
        var s = new StringBuilder();
        s.Append("# A direction-3class version (Alpha.Training's DirectionFlow): the spread's entry-fixed move over\n");
        s.Append("# horizon_bars against +/- threshold (sigma units) -> probabilities of down, range, up.\n");
        s.Append(CultureInfo.InvariantCulture, $"kind: {KindName}\n");
        s.Append(CultureInfo.InvariantCulture, $"horizon_bars: {HorizonBars}\n");
        s.Append(CultureInfo.InvariantCulture, $"threshold: {Threshold.ToString("R", CultureInfo.InvariantCulture)}\n");
        s.Append("classes: [down, range, up]\n");
        s.Append(CultureInfo.InvariantCulture, $"rounds: {Rounds}\n");
        s.Append(CultureInfo.InvariantCulture, $"feature_schema_hash: {FeatureSchemaHash}\n");
        s.Append(CultureInfo.InvariantCulture, $"seed: {Seed}\n");
        return s.ToString();
    }

    /// <summary>Reads <c>direction_params.yaml</c> of a version folder (verify the folder first: this reads, it does not verify).</summary>
    /// <exception cref="ConfigException">The file is missing or not a direction-3class version's, or a key is missing or invalid (named with the file).</exception>
    public static DirectionParameters Read(string folder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        ConfigNode p = ConfigNode.Load(folder, ModelFiles.DirectionParams);
        p.Text("kind", KindName);
        p.Ignore("classes");
        var parameters = new DirectionParameters(
            p.WholeNumber("horizon_bars", 1, 10_000), p.Number("threshold", double.Epsilon), p.WholeNumber("rounds", 1), p.Text("feature_schema_hash"), p.WholeNumber("seed"));
        p.Close();
        return parameters;
    }
}
