using System.Collections.Immutable;

namespace Alpha.Monitoring;

/// <summary>What a model did live over a window: its scored candidates, its closed trades and the risk flag of each bar.</summary>
/// <param name="Candidates">The candidates scored, in time order.</param>
/// <param name="TradePnl">Net P&amp;L of each closed trade (a win is &gt; 0), in time order.</param>
/// <param name="RiskFlags">Per bar in time order: whether the AI2 gate was closed (risk score at or above θ2).</param>
public sealed record LiveWindow(ImmutableArray<LiveCandidate> Candidates, ImmutableArray<double> TradePnl, ImmutableArray<bool> RiskFlags);
