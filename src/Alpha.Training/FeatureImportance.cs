using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Alpha.Boosting.Training;

namespace Alpha.Training;

/// <summary>
/// Split importances read from a model file: XGBoost's <c>get_score</c> definitions from its JSON (<c>loss_changes</c>),
/// and the same from a LightGBM <c>model.txt</c> (<c>split_gain</c>, LightGBM's <c>importance_type="gain"</c>).
/// </summary>
public static class FeatureImportance
{
    /// <summary>
    /// Per feature: <c>gain</c> (mean loss reduction of its splits), <c>total_gain</c> and <c>weight</c> (split count),
    /// ordered by total gain, largest first; features never split on are listed with zeros.
    /// </summary>
    /// <param name="model">The model, UTF-8.</param>
    /// <param name="format">XGBoost JSON or LightGBM text.</param>
    /// <param name="featureNames">Names of the model's inputs, in column order.</param>
    /// <exception cref="FormatException">The bytes are not a model of that format, or split on a feature beyond the names.</exception>
    public static ImmutableArray<FeatureScore> Gain(ReadOnlySpan<byte> model, ModelFormat format, IReadOnlyList<string> featureNames) => format switch
    {
        ModelFormat.XGBoostJson => Gain(model, featureNames),
        ModelFormat.LightGbmText => LightGbmGain(Encoding.UTF8.GetString(model), featureNames),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown model format."),
    };

    private static ImmutableArray<FeatureScore> LightGbmGain(string text, IReadOnlyList<string> featureNames)
    {
        ArgumentNullException.ThrowIfNull(featureNames);
        var total = new double[featureNames.Count];
        var count = new int[featureNames.Count];
        string[]? features = null;
        foreach (string raw in text.Split('\n'))
        {
            string line = raw.Trim();
            if (line.StartsWith("split_feature=", StringComparison.Ordinal))
            {
                features = line["split_feature=".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            }
            else if (line.StartsWith("split_gain=", StringComparison.Ordinal))
            {
                string[] gains = line["split_gain=".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (features is null || features.Length != gains.Length)
                {
                    throw new FormatException("A tree's split_gain does not follow a split_feature of the same length.");
                }

                for (int k = 0; k < gains.Length; k++)
                {
                    int f = int.Parse(features[k], NumberStyles.Integer, CultureInfo.InvariantCulture);
                    if ((uint)f >= (uint)total.Length)
                    {
                        throw new FormatException($"Split on feature {f}, but only {total.Length} feature names were given.");
                    }

                    total[f] += double.Parse(gains[k], NumberStyles.Float, CultureInfo.InvariantCulture);
                    count[f]++;
                }

                features = null;
            }
        }

        return Ranked(total, count, featureNames);
    }

    /// <summary>
    /// Per feature: <c>gain</c> (mean loss reduction of its splits), <c>total_gain</c> and <c>weight</c> (split count),
    /// ordered by total gain, largest first; features never split on are listed with zeros.
    /// </summary>
    /// <param name="xgboostJson">The model (XGBoost JSON, UTF-8).</param>
    /// <param name="featureNames">Names of the model's inputs, in column order.</param>
    /// <exception cref="JsonException">The bytes are not an XGBoost JSON model.</exception>
    public static ImmutableArray<FeatureScore> Gain(ReadOnlySpan<byte> xgboostJson, IReadOnlyList<string> featureNames)
    {
        ArgumentNullException.ThrowIfNull(featureNames);
        var total = new double[featureNames.Count];
        var count = new int[featureNames.Count];
        using JsonDocument doc = JsonDocument.Parse(xgboostJson.ToArray());
        JsonElement trees = doc.RootElement.GetProperty("learner").GetProperty("gradient_booster").GetProperty("model").GetProperty("trees");
        foreach (JsonElement tree in trees.EnumerateArray())
        {
            JsonElement left = tree.GetProperty("left_children"), split = tree.GetProperty("split_indices"), loss = tree.GetProperty("loss_changes");
            int nodes = left.GetArrayLength();
            for (int n = 0; n < nodes; n++)
            {
                if (left[n].GetInt32() != -1)
                {
                    int f = split[n].GetInt32();
                    if ((uint)f >= (uint)total.Length)
                    {
                        throw new JsonException($"Split on feature {f}, but only {total.Length} feature names were given.");
                    }

                    total[f] += loss[n].GetDouble();
                    count[f]++;
                }
            }
        }

        return Ranked(total, count, featureNames);
    }

    private static ImmutableArray<FeatureScore> Ranked(double[] total, int[] count, IReadOnlyList<string> featureNames) =>
        [.. Enumerable.Range(0, total.Length)
            .Select(f => new FeatureScore(featureNames[f], count[f] == 0 ? 0 : total[f] / count[f], total[f], count[f]))
            .OrderByDescending(s => s.TotalGain).ThenBy(s => s.Feature, StringComparer.Ordinal)];
}
