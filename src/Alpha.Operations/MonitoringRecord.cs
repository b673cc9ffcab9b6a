using System.Text.Json;

namespace Alpha.Operations;

/// <summary>A degradation verdict evaluated for a served model (Alpha.Monitoring's, as JSON).</summary>
/// <param name="ModelId">The catalogue model.</param>
/// <param name="Version">The version judged.</param>
/// <param name="WindowStart">The live window's first bar (UTC).</param>
/// <param name="EvaluatedAt">When it was evaluated (UTC).</param>
/// <param name="Level">insufficient, ok, warn or alert.</param>
/// <param name="RetrainRecommended">Whether a rule fired at alert.</param>
/// <param name="Verdict">Every measurement and finding (<c>DegradationVerdictJson</c>).</param>
public sealed record MonitoringRecord(string ModelId, string Version, DateTimeOffset WindowStart, DateTimeOffset EvaluatedAt, string Level, bool RetrainRecommended, JsonElement Verdict);
