using System.Collections.Immutable;
using System.Runtime.InteropServices;

namespace Alpha.Backtesting;

/// <summary>
/// Event-driven simulation of one pair's spread trades (DESIGN.md § 5 "Backtesting"). At each bar's close, while
/// flat, a ready bar with EntryZ ≤ |z| ≤ EntryMaxZ and speed ≤ MaxSpeed is a candidate; if the decisions allow it,
/// the entry fills at the next bar's open (both legs), direction −sign(z), holding the decision bar's hedge. Leg A's
/// notional is sized so that reaching the stop loses RiskPerTrade of the current equity
/// (RiskPerTrade · E / ((StopZ − |z|) · σ)), times the position scale, with the gross notional capped at
/// MaxLeverage · E; leg B is beta-neutral through <see cref="Alpha.Sizing.BetaNeutralSizer"/>. At each later close the entry-fixed
/// z decides the exit — |z^t| ≤ ExitZ, |z^t| ≥ StopZ, or M bars after the decision — filled at the next open; a
/// position still open at the end of its segment closes at that bar's close. Costs are charged per leg and side.
/// Equity is marked to market at every close.
/// </summary>
/// <remarks>
/// No look-ahead: everything decided at bar t uses bars up to t (features are causal; fills use the next open).
/// Allocations are proportional to trades and days, not bars.
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

        var mechanics = new TradeMechanics(market, spread, options);
        var trades = ImmutableArray.CreateBuilder<Trade>();
        for (int t = 0; t < market.Count; t++)
        {
            if (mechanics.IsCandidate(t) && mechanics.Open(t, mechanics.FillBar(t), options.StartingEquity, 1.0) is TradeMechanics.Position position)
            {
                trades.Add(Hold(mechanics, market, position));
            }
        }

        return trades.ToImmutable();
    }

    // Holds a position from its fill until its exit rule fires (filled at the next open) or its segment ends.
    private static Trade Hold(TradeMechanics mechanics, PairMarket market, TradeMechanics.Position position)
    {
        for (int t = position.EntryBar; ; t++)
        {
            if (mechanics.IsLastOfSegment(t))
            {
                return mechanics.Close(position, t, market.A[3][t], market.B[3][t], ExitReason.EndOfData).Trade;
            }

            if (mechanics.ExitAtClose(position, t) is ExitReason reason)
            {
                return mechanics.Close(position, t + 1, market.A[0][t + 1], market.B[0][t + 1], reason).Trade;
            }
        }
    }

    private sealed class Simulation(PairMarket market, SpreadSeries spread, EntryDecisions decisions, BacktestOptions options)
    {
        private readonly TradeMechanics _mechanics = new(market, spread, options);
        private readonly List<Trade> _trades = [];
        private readonly DailyEquity[] _daily = new DailyEquity[market.DayEnds.Length];
        private double _cash = options.StartingEquity;
        private TradeMechanics.Position? _open;
        private int _pendingEntry = -1;
        private int _pendingExit = -1;
        private ExitReason _pendingReason;
        private int _candidates;
        private int _declined;
        private int _rejections;
        private int _exposedBars;
        private int _day;

        public BacktestResult Run()
        {
            ReadOnlySpan<DateTime> time = market.Time;
            int[] dayEnds = market.DayEnds;
            for (int t = 0; t < market.Count; t++)
            {
                FillAtOpen(t);
                _exposedBars += _open is null ? 0 : 1;
                DecideAtClose(t);
                if (t == dayEnds[_day])
                {
                    _daily[_day++] = new DailyEquity(DateOnly.FromDateTime(time[t]), _open is { } p ? _cash + p.Unrealized(market.A[3][t], market.B[3][t]) : _cash);
                }
            }

            var summary = PerformanceMetrics.Compute(_daily, options.StartingEquity, time[0], time[^1], _trades, (double)_exposedBars / market.Count);
            return new BacktestResult(summary, [.. _trades], ImmutableCollectionsMarshal.AsImmutableArray(_daily), _candidates, _declined, _rejections);
        }

        private void FillAtOpen(int t)
        {
            if (_pendingExit == t && _open is { } position)
            {
                Close(position, t, market.A[0][t], market.B[0][t], _pendingReason);
            }

            if (_pendingEntry >= 0 && _mechanics.FillBar(_pendingEntry) == t)
            {
                _open = _mechanics.Open(_pendingEntry, t, _cash, decisions.ScaleAt(_pendingEntry));
                _rejections += _open is null ? 1 : 0;
                _cash -= _open?.EntryCosts ?? 0;
                _pendingEntry = -1;
            }
        }

        private void DecideAtClose(int t)
        {
            if (_open is { } position)
            {
                if (_mechanics.IsLastOfSegment(t))
                {
                    Close(position, t, market.A[3][t], market.B[3][t], ExitReason.EndOfData);
                }
                else if (_pendingExit < 0 && _mechanics.ExitAtClose(position, t) is ExitReason reason)
                {
                    _pendingExit = t + 1;
                    _pendingReason = reason;
                }

                return;
            }

            if (_pendingEntry >= 0 || !_mechanics.IsCandidate(t))
            {
                return;
            }

            _candidates++;
            if (decisions.AllowArray[t])
            {
                _pendingEntry = t;
            }
            else
            {
                _declined++;
            }
        }

        private void Close(TradeMechanics.Position position, int bar, double priceA, double priceB, ExitReason reason)
        {
            (Trade trade, double cash) = _mechanics.Close(position, bar, priceA, priceB, reason);
            _trades.Add(trade);
            _cash += cash;
            _open = null;
            _pendingExit = -1;
        }
    }
}
