using System.Collections.Immutable;
using Alpha.Signals;

namespace Alpha.Backtesting;

/// <summary>What a backtest produced.</summary>
/// <param name="Summary">The headline numbers.</param>
/// <param name="Trades">Every completed trade, in order.</param>
/// <param name="Daily">Equity at the end of each UTC day with bars.</param>
/// <param name="Candidates">Bars that were candidate entries while flat.</param>
/// <param name="Declined">Candidates the decisions did not allow.</param>
/// <param name="SizingRejections">Allowed candidates for which sizing produced no order (below a minimum lot or notional).</param>
/// <param name="CancelledEntries">Entries decided at the last bar of a segment whose fill bar lay in the next one (cancelled), or at the last bar of the data.</param>
public sealed record BacktestResult(
    PerformanceSummary Summary,
    ImmutableArray<Trade> Trades,
    ImmutableArray<DailyEquity> Daily,
    int Candidates,
    int Declined,
    int SizingRejections,
    int CancelledEntries);
