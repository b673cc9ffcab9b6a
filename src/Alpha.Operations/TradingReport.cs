using System.Collections.Immutable;

namespace Alpha.Operations;

/// <summary>Signals and fills since <see cref="Since"/>, and where every engine stands.</summary>
/// <param name="At">When it was made (UTC).</param>
/// <param name="Since">The window's start.</param>
/// <param name="Pairs">Per model and pair.</param>
/// <param name="Positions">Every engine's last checkpoint.</param>
public sealed record TradingReport(DateTimeOffset At, DateTimeOffset Since, ImmutableArray<PairActivity> Pairs, ImmutableArray<PairPosition> Positions);
