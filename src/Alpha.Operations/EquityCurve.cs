using System.Collections.Immutable;
using Alpha.Backtesting;

namespace Alpha.Operations;

/// <summary>A served version's out-of-sample equity: the cross-fitted backtest at its θ, one point per UTC day.</summary>
/// <param name="ModelId">The catalogue model.</param>
/// <param name="Version">The version it serves.</param>
/// <param name="Daily">Equity at the end of each day with bars, in the account currency, days ascending.</param>
public sealed record EquityCurve(string ModelId, string Version, ImmutableArray<DailyEquity> Daily);
