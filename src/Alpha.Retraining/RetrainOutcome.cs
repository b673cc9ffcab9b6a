using System.Buffers;
using System.Collections.Immutable;
using System.Text.Json;

namespace Alpha.Retraining;

/// <summary>What a successful attempt produced: the registered version, its θ and its evaluation metrics.</summary>
/// <param name="Version">The version it registered.</param>
/// <param name="Theta1">θ₁, the AI1 threshold the version ships with, in [0, 1].</param>
/// <param name="Theta2">θ₂, the AI2 threshold, in [0, 1].</param>
/// <param name="Metrics">
/// Named evaluation metrics (out-of-fold AUC, the backtest's Sharpe …), every value finite; <see cref="ThetaTrialsKey"/>
/// and <see cref="ThetaBestScoreKey"/> feed <c>core_theta_trials_total</c> and <c>core_theta_best_score</c>. Stored as the
/// <c>metrics</c> JSON object of the run.
/// </param>
public sealed record RetrainOutcome(string Version, double Theta1, double Theta2, ImmutableSortedDictionary<string, double> Metrics)
{
    /// <summary>The metric holding the number of θ candidates the search evaluated.</summary>
    public const string ThetaTrialsKey = "theta_trials";

    /// <summary>The metric holding the θ search's best objective score.</summary>
    public const string ThetaBestScoreKey = "theta_best_score";

    /// <summary>The first metric or threshold that is missing or not finite, in words; null when the outcome is complete.</summary>
    public string? Problem() => string.IsNullOrWhiteSpace(Version) ? "the version is empty" : MetricsProblem(Theta1, Theta2, Metrics);

    /// <summary>
    /// Whether a run's θ and metrics are complete, before anything is registered: the first one missing or not finite, in
    /// words, or null. Seed 003: a run without metrics takes no adoption decision — it is blocked.
    /// </summary>
    public static string? MetricsProblem(double theta1, double theta2, IReadOnlyDictionary<string, double>? metrics)
    {
        if (metrics is null || metrics.Count == 0)
        {
            return "the run produced no metrics";
        }

        if (!double.IsFinite(theta1) || !double.IsFinite(theta2))
        {
            return $"θ is not finite ({theta1}, {theta2})";
        }

        return metrics.FirstOrDefault(m => !double.IsFinite(m.Value)) is { Key: not null } bad ? $"metric '{bad.Key}' is {bad.Value}" : null;
    }

    /// <summary>The metrics as one JSON object (keys in order).</summary>
    public string MetricsJson()
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            foreach ((string key, double value) in Metrics)
            {
                w.WriteNumber(key, value);
            }

            w.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Reads <see cref="MetricsJson"/>'s object back.</summary>
    /// <exception cref="InvalidDataException">It is not an object of numbers.</exception>
    public static ImmutableSortedDictionary<string, double> ParseMetrics(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            using JsonDocument document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new InvalidDataException("The metrics are not a JSON object.");
            }

            return document.RootElement.EnumerateObject().ToImmutableSortedDictionary(p => p.Name, p => p.Value.ValueKind == JsonValueKind.Number
                ? p.Value.GetDouble()
                : throw new InvalidDataException($"Metric '{p.Name}' is not a number."), StringComparer.Ordinal);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"The metrics are not JSON: {e.Message}", e);
        }
    }
}
