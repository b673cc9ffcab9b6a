using System.Collections.Immutable;
using System.Runtime.InteropServices;
using Alpha.Signals;

namespace Alpha.Backtesting;

/// <summary>
/// Event-driven simulation of one pair's spread trades (DESIGN.md § 5 "Backtesting", § 6 "Signals and the
/// decision"), bar by bar through Alpha.Signals' <see cref="PositionMachine"/> — the same code the live engine runs.
/// At each bar's close, while flat, a candidate (ready, EntryZ ≤ |z| ≤ EntryMaxZ, speed ≤ MaxSpeed) that the
/// decisions allow is sized there — leg A's notional so that reaching the stop loses RiskPerTrade of the current
/// equity, times the position scale, gross notional capped at MaxLeverage · equity, leg B beta-neutral — at that
/// bar's close prices, and fills at the next bar's open with those quantities, holding the decision bar's hedge. At
/// each later close the entry-fixed z decides the exit — |z^t| ≤ ExitZ, |z^t| ≥ StopZ, or M bars after the decision
/// — filled at the next open. A position open when its segment splits closes at the open of the next segment's first
/// bar; an entry whose fill bar lies in another segment is cancelled; a position still open at the end of the data
/// closes at the last close. Costs are charged per leg and side. Equity is marked to market at every close.
/// </summary>
/// <remarks>
/// No look-ahead: everything decided at bar t uses bars up to t (features are causal; fills use the next open; a
/// split is acted on when the next segment starts). Allocations are proportional to trades and days, not bars.
/// </remarks>
public static class Backtester
{
    /// <summary>Runs the backtest.</summary>
    /// <param name="market">The prices and segments.</param>
    /// <param name="spread">The features of the same bars (readiness, z, speed, α, β, σ); <see cref="SpreadSeries.From"/> a feature frame.</param>
    /// <param name="decisions">The model's entry decisions (use <see cref="EntryDecisions.All"/> for the plain z rule).</param>
    /// <param name="options">Settings; DESIGN.md's defaults when null.</param>
    /// <exception cref="ArgumentException">The market, features and decisions do not have the same bars, or fewer than two bars.</exception>
    public static BacktestResult Run(PairMarket market, SpreadSeries spread, EntryDecisions decisions, BacktestOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(market);
        ArgumentNullException.ThrowIfNull(spread);
        ArgumentNullException.ThrowIfNull(decisions);
        options ??= new BacktestOptions();
        options.Validate();
        if (spread.Count != market.Count || decisions.AllowArray.Length != market.Count || market.Count < 2)
        {
            throw new ArgumentException($"The market ({market.Count} bars), spread series ({spread.Count}) and decisions ({decisions.AllowArray.Length}) must cover the same bars (at least two).", nameof(spread));
        }

        return new Simulation(market, spread, decisions, options).Run();
    }

    /// <summary>
    /// Every candidate entry's own trade, simulated alone (ignoring the one-position-at-a-time rule), sized from the
    /// starting equity: what the θ search needs to tell which candidates were winners.
    /// </summary>
    /// <returns>Per candidate bar (ascending), the trade it would have made; candidates that sizing rejects are omitted.</returns>
    public static ImmutableArray<Trade> CandidateTrades(PairMarket market, SpreadSeries spread, BacktestOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(market);
        ArgumentNullException.ThrowIfNull(spread);
        options ??= new BacktestOptions();
        options.Validate();
        if (spread.Count != market.Count)
        {
            throw new ArgumentException($"The market ({market.Count} bars) and spread series ({spread.Count}) must cover the same bars.", nameof(spread));
        }

        var trades = ImmutableArray.CreateBuilder<Trade>();
        for (int t = 0; t < market.Count; t++)
        {
            if (Alone(market, spread, options, t) is Trade trade)
            {
                trades.Add(trade);
            }
        }

        return trades.ToImmutable();
    }

    // The trade a candidate at bar t makes alone: decided there, then held until it closes (or the data ends);
    // null when t is no candidate, sizing rejects it or a split cancels it.
    private static Trade? Alone(PairMarket market, SpreadSeries spread, BacktestOptions options, int t)
    {
        PositionMachine machine = options.NewMachine();
        if (machine.AtClose(market.Bar(t), spread.At(t), allow: true) != BarDecision.EntryDecided)
        {
            return null;
        }

        for (int k = t + 1; k < market.Count; k++)
        {
            TradingBar bar = market.Bar(k);
            if (machine.AtOpen(bar).Closed is Trade trade)
            {
                return trade;
            }

            if (machine.IsFlat)
            {
                return null;
            }

            if (k + 1 == market.Count)
            {
                return machine.CloseAtEnd(bar);
            }

            machine.AtClose(bar, spread.At(k), allow: false);
        }

        return null;
    }

    private sealed class Simulation(PairMarket market, SpreadSeries spread, EntryDecisions decisions, BacktestOptions options)
    {
        private readonly PositionMachine _machine = options.NewMachine();
        private readonly List<Trade> _trades = [];
        private readonly DailyEquity[] _daily = new DailyEquity[market.DayEnds.Length];
        private int _candidates;
        private int _declined;
        private int _rejections;
        private int _cancelled;
        private int _exposedBars;
        private int _day;

        public BacktestResult Run()
        {
            ReadOnlySpan<DateTime> time = market.Time;
            int[] dayEnds = market.DayEnds;
            for (int t = 0; t < market.Count; t++)
            {
                TradingBar bar = market.Bar(t);
                BarFills fills = _machine.AtOpen(bar);
                if (fills.Closed is Trade closed)
                {
                    _trades.Add(closed);
                }

                _cancelled += fills.Cancelled is null ? 0 : 1;
                _exposedBars += _machine.Position is null ? 0 : 1;
                Decide(bar, t);
                if (t + 1 == market.Count && _machine.CloseAtEnd(bar) is Trade last)
                {
                    _trades.Add(last);
                }

                if (t == dayEnds[_day])
                {
                    _daily[_day++] = new DailyEquity(DateOnly.FromDateTime(time[t]), _machine.Equity(bar.CloseA, bar.CloseB));
                }
            }

            var summary = PerformanceMetrics.Compute(_daily, options.StartingEquity, time[0], time[^1], _trades, (double)_exposedBars / market.Count);
            return new BacktestResult(summary, [.. _trades], ImmutableCollectionsMarshal.AsImmutableArray(_daily), _candidates, _declined, _rejections, _cancelled);
        }

        private void Decide(TradingBar bar, int t)
        {
            // Only a candidate gets an entry outcome: declined, rejected by sizing, or decided.
            switch (_machine.AtClose(bar, spread.At(t), decisions.AllowArray[t], decisions.ScaleAt(t)))
            {
                case BarDecision.EntryDeclined:
                    _candidates++;
                    _declined++;
                    break;
                case BarDecision.EntryRejected:
                    _candidates++;
                    _rejections++;
                    break;
                case BarDecision.EntryDecided:
                    _candidates++;
                    break;
            }
        }
    }
}
