using Alpha.Backtesting;
using Alpha.Signals;

namespace Alpha.Backtesting.Tests;

/// <summary>
/// Ten-bar scenarios checkable by hand, one per exit rule. Leg B stays at 1 and the hedge is α = 0, β = 1,
/// σ = 0.01 on every bar, so log A is the spread and z = log A / 0.01. Opens equal the previous close unless said.
/// </summary>
public sealed class HandScenarioTests
{
    private static readonly DateTime s_start = new(2024, 3, 4, 0, 0, 0, DateTimeKind.Utc);

    // closes of A as log-spread values; returns the market, the spread series and the options.
    private static (PairMarket Market, SpreadSeries Spread) Scenario(double[] logSpread, int[]? segment = null, double[]? openA = null)
    {
        int n = logSpread.Length;
        double[] closeA = [.. logSpread.Select(Math.Exp)];
        openA ??= [closeA[0], .. closeA[..^1]];
        double[] ones = [.. Enumerable.Repeat(1.0, n)];
        DateTime[] time = [.. Enumerable.Range(0, n).Select(i => s_start.AddHours(4 * i))];
        var market = PairMarket.Create(time, openA, closeA, closeA, closeA, ones, ones, ones, ones, segment ?? new int[n]);
        var spread = SpreadSeries.Create(
            [.. Enumerable.Repeat(true, n)], [.. logSpread.Select(s => s / 0.01)], new double[n],
            new double[n], ones, [.. Enumerable.Repeat(0.01, n)]);
        return (market, spread);
    }

    private static BacktestResult Run(double[] logSpread, BacktestOptions? options = null, int[]? segment = null, double[]? openA = null)
    {
        (PairMarket market, SpreadSeries spread) = Scenario(logSpread, segment, openA);
        return Backtester.Run(market, spread, EntryDecisions.All(logSpread.Length), options);
    }

    [Fact]
    public void Reversion_ExitsAtTheNextOpenAfterTheCloseThatReverted()
    {
        // z: 0, 2.5 (candidate: short the spread), 2.0, 1.0, 0.4 (≤ 0.5: exit decided), … fills at bar 5's open.
        BacktestResult result = Run([0, 0.025, 0.02, 0.01, 0.004, 0.003, 0.002, 0.001, 0.0, 0.0]);

        Trade trade = Assert.Single(result.Trades);
        Assert.Equal((1, 2, 5, ExitReason.Reversion, -1), (trade.DecisionBar, trade.EntryBar, trade.ExitBar, trade.ExitReason, trade.Direction));

        // Size at bar 1's close: 0.5 % of 1,000,000 at risk over (4 − 2.5)·σ = 0.015 of spread → 333,333.33 of A at
        // that close, 1·that of B; bar 2 opens at bar 1's close, so the fill prices are the same.
        double notional = 0.005 * 1_000_000 / ((4.0 - 2.5) * 0.01);
        double entryA = Math.Exp(0.025), exitA = Math.Exp(0.004);
        double qA = notional / entryA, qB = qA * entryA / 1.0;
        Assert.Equal(qA, trade.QuantityA, 6);
        Assert.Equal(qB, trade.QuantityB, 6);
        Assert.Equal((entryA, 1.0, exitA, 1.0), (trade.EntryPriceA, trade.EntryPriceB, trade.ExitPriceA, trade.ExitPriceB));

        // Short A, long B; B does not move. Costs: 1 bp per leg per side of each fill's notional.
        double gross = -qA * (exitA - entryA);
        double costs = 1e-4 * ((qA * entryA) + qB + (qA * exitA) + qB);
        Assert.Equal(costs, trade.Costs, 6);
        Assert.Equal(gross - costs, trade.Pnl, 6);
        Assert.Equal(1_000_000 + gross - costs, result.Summary.EndingEquity, 6);
    }

    [Fact]
    public void Stop_ExitsWhenTheEntryFixedZReachesFour()
    {
        BacktestResult result = Run([0, 0.03, 0.035, 0.041, 0.05, 0.05, 0.05, 0.05, 0.05, 0.05]);

        Trade trade = Assert.Single(result.Trades);
        Assert.Equal((1, 2, 4, ExitReason.Stop), (trade.DecisionBar, trade.EntryBar, trade.ExitBar, trade.ExitReason));
        Assert.True(trade.Pnl < 0);
    }

    [Fact]
    public void MaxHolding_CountsFromTheDecisionBar()
    {
        // M = 3: decided at bar 1, the exit is decided at bar 4's close (1 + 3) and fills at bar 5's open.
        BacktestResult result = Run([0, 0.025, 0.025, 0.025, 0.025, 0.025, 0.025, 0.025, 0.025, 0.025], new BacktestOptions { Rules = new() { MaxHoldingBars = 3 } });

        Assert.Equal((1, 5, ExitReason.MaxHolding), (result.Trades[0].DecisionBar, result.Trades[0].ExitBar, result.Trades[0].ExitReason));
        // Flat again at bar 5, z = 2.5 is still a candidate: the next trade is decided at bar 5.
        Assert.Equal(5, result.Trades[1].DecisionBar);
    }

    [Fact]
    public void EndOfData_ClosesAtTheLastClose()
    {
        BacktestResult result = Run([0, 0, 0, 0, 0, 0, 0, 0.025, 0.024, 0.023]);

        Trade trade = Assert.Single(result.Trades);
        Assert.Equal((7, 8, 9, ExitReason.EndOfData), (trade.DecisionBar, trade.EntryBar, trade.ExitBar, trade.ExitReason));
        Assert.Equal(Math.Exp(0.023), trade.ExitPriceA);
    }

    [Fact]
    public void AboveEntryMax_IsNoCandidate() =>
        Assert.Empty(Run([0, 0.037, 0.037, 0.01, 0, 0, 0, 0, 0, 0]).Trades);

    [Fact]
    public void DeclinedCandidates_AreCounted()
    {
        (PairMarket market, SpreadSeries spread) = Scenario([0, 0.025, 0.025, 0.025, 0, 0, 0, 0, 0, 0]);
        BacktestResult result = Backtester.Run(market, spread, EntryDecisions.Create(new bool[10]));
        Assert.Equal((3, 3, 0), (result.Candidates, result.Declined, result.Trades.Length));
    }

    [Fact]
    public void LeverageCap_LimitsGrossNotional()
    {
        // |z| = 3.9 (entries allowed up to 3.95) leaves 0.1σ to the stop: the risk rule asks for 5,000,000 of A;
        // the cap allows 5 × E / (1 + |β|) = 2,500,000.
        BacktestResult result = Run([0, 0.039, 0.039, 0, 0, 0, 0, 0, 0, 0], new BacktestOptions { Rules = new() { EntryMaxZ = 3.95 } });
        Trade trade = result.Trades[0];
        Assert.Equal(2_500_000, trade.QuantityA * trade.EntryPriceA, 3);
    }

    [Fact]
    public void Quantities_AreFixedAtTheDecisionClose_TheFillPaysTheNextOpen()
    {
        // Bar 2 gaps open 1 % above bar 1's close: the quantities still come from bar 1's close (live cannot know
        // the next open); the entry fills at bar 2's open and its costs are charged on that price.
        double[] spread = [0, 0.025, 0.02, 0.01, 0.004, 0.003, 0.002, 0.001, 0.0, 0.0];
        double[] openA = [1, Math.Exp(0.025), Math.Exp(0.025) * 1.01, .. spread[2..^1].Select(Math.Exp)];
        Trade trade = Assert.Single(Run(spread, openA: openA).Trades);

        double notional = 0.005 * 1_000_000 / ((4.0 - 2.5) * 0.01);
        Assert.Equal(notional / Math.Exp(0.025), trade.QuantityA, 6);
        Assert.Equal(notional, trade.QuantityB, 6);
        Assert.Equal(Math.Exp(0.025) * 1.01, trade.EntryPriceA);
        double costs = 1e-4 * ((trade.QuantityA * trade.EntryPriceA) + trade.QuantityB + (trade.QuantityA * trade.ExitPriceA) + trade.QuantityB);
        Assert.Equal(costs, trade.Costs, 6);
    }

    [Fact]
    public void SegmentSplit_ClosesAtTheOpenOfTheNextSegmentsFirstBar()
    {
        // Decided at bar 1, filled at bar 2; bars 4–5 are a split gap (segment −1); bar 6 starts segment 1, and its
        // open closes the trade. No exit decision is taken on the gap's bars, although z reverted there.
        int[] segment = [0, 0, 0, 0, -1, -1, 1, 1, 1, 1];
        BacktestResult result = Run([0, 0.025, 0.024, 0.023, 0.0, 0.0, 0.015, 0.015, 0.01, 0.01], segment: segment);

        Trade trade = Assert.Single(result.Trades);
        Assert.Equal((1, 2, 6, ExitReason.SegmentSplit), (trade.DecisionBar, trade.EntryBar, trade.ExitBar, trade.ExitReason));
        Assert.Equal(Math.Exp(0.0), trade.ExitPriceA);      // bar 6's open: bar 5's close
    }

    [Fact]
    public void SegmentSplit_CancelsAnEntryWhoseFillBarLiesInTheNextSegment()
    {
        // Bar 3 is the last of segment 0 and a candidate: the candidate rule does not look ahead at the split, the
        // entry is decided and then cancelled when bar 4 opens in no segment.
        int[] segment = [0, 0, 0, 0, -1, 1, 1, 1, 1, 1];
        BacktestResult result = Run([0, 0, 0, 0.025, 0.025, 0, 0, 0, 0, 0], segment: segment);

        Assert.Empty(result.Trades);
        Assert.Equal((1, 1), (result.Candidates, result.CancelledEntries));
    }
}
