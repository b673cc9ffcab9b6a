using System.Collections.Immutable;
using System.Text.Json;

namespace Alpha.Training;

/// <summary>XGBoost's split importances read from a model's JSON (the <c>get_score</c> definitions).</summary>
public static class FeatureImportance
{
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

        return [.. Enumerable.Range(0, total.Length)
            .Select(f => new FeatureScore(featureNames[f], count[f] == 0 ? 0 : total[f] / count[f], total[f], count[f]))
            .OrderByDescending(s => s.TotalGain).ThenBy(s => s.Feature, StringComparer.Ordinal)];
    }
}
