using System.Collections.Immutable;

namespace Alpha.Operations;

/// <summary>The live bars per symbol and timeframe; <see cref="Stale"/> names those whose last bar closed more than two bar lengths ago.</summary>
/// <param name="At">When it was made (UTC).</param>
/// <param name="Bars">Per symbol and timeframe.</param>
/// <param name="Stale">Symbols (<c>symbol@seconds</c>) behind by more than two bars.</param>
public sealed record DataQualityReport(DateTimeOffset At, ImmutableArray<BarCoverage> Bars, ImmutableArray<string> Stale);
