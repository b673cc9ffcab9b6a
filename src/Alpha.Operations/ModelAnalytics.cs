using System.Collections.Immutable;
using System.Text.Json;

namespace Alpha.Operations;

/// <summary>One catalogue model: what it is, which version serves, that version's training metrics and what it scored live.</summary>
/// <param name="ModelId">The model id.</param>
/// <param name="Kind">The catalogue kind.</param>
/// <param name="PairId">The pair.</param>
/// <param name="TimeframeSeconds">The bar length, in seconds.</param>
/// <param name="Version">The catalogue's version: a version or <c>deployed</c>.</param>
/// <param name="DeployedVersion">The registry's deployed version, or null.</param>
/// <param name="Status">The lifecycle status of the version the catalogue names now, or null when there is none.</param>
/// <param name="Metrics">That version's <c>metrics.json</c> (out-of-fold model metrics, θ, backtest, adoption), or null.</param>
/// <param name="Scores">Live scores in the window, per version.</param>
/// <param name="Monitoring">The model's newest degradation verdict (<c>alpha monitor --record</c>, the retraining service), or null.</param>
public sealed record ModelAnalytics(
    string ModelId,
    string Kind,
    string PairId,
    int TimeframeSeconds,
    string Version,
    string? DeployedVersion,
    string? Status,
    JsonElement? Metrics,
    ImmutableArray<ScoreActivity> Scores,
    MonitoringRecord? Monitoring);
