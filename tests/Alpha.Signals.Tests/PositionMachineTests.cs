using Alpha.Signals;
using Alpha.Sizing;

namespace Alpha.Signals.Tests;

/// <summary>
/// The position state machine on its own: candidates, sizing at the decision close, fills at the next open, exits,
/// flatten, cancellation across a split, and checkpoints (the backtest's hand scenarios and the engine's replay tests
/// exercise it end to end).
/// </summary>
public sealed class PositionMachineTests
{
    private static readonly DateTime s_start = new(2024, 3, 4, 0, 0, 0, DateTimeKind.Utc);
    private static readonly InstrumentSpec s_a = new() { Symbol = "A", QuoteCurrency = "USD" };
    private static readonly InstrumentSpec s_b = new() { Symbol = "B", QuoteCurrency = "USD" };

    private static PositionMachine Machine(TradingRules? rules = null) => new(rules ?? new TradingRules(), s_a, s_b, new CostModel(), 1_000_000);

    // Leg B at 1, hedge α = 0, β = 1, σ = 0.01: log A is the spread, z = log A / σ.
    private static TradingBar Bar(int index, double logSpread, int segment = 0, double? openLogSpread = null) =>
        new(index, s_start.AddHours(4 * index), Math.Exp(openLogSpread ?? logSpread), Math.Exp(logSpread), 1, 1, segment);

    private static SpreadPoint Point(double logSpread) => new(true, logSpread / 0.01, 0, 0, 1, 0.01);

    [Fact]
    public void Entry_IsSizedAtTheDecisionClose_AndFilledAtTheNextOpen()
    {
        PositionMachine machine = Machine();
        Assert.True(machine.IsCandidate(Bar(0, 0.025), Point(0.025)));
        Assert.Equal(BarDecision.EntryDecided, machine.AtClose(Bar(0, 0.025), Point(0.025), allow: true));
        PendingEntry entry = machine.PendingEntry!;
        double notional = 0.005 * 1_000_000 / ((4.0 - 2.5) * 0.01);
        Assert.Equal((-1, -notional / Math.Exp(0.025), notional, 1), (entry.Direction, entry.QuantityA, entry.QuantityB, entry.FillBar));
        Assert.False(machine.IsCandidate(Bar(0, 0.025), Point(0.025)));      // something is pending

        BarFills fills = machine.AtOpen(Bar(1, 0.02, openLogSpread: 0.03));
        Assert.Equal(entry, fills.Opened!.Entry);
        Assert.Equal(Math.Exp(0.03), machine.Position!.EntryPriceA);
        Assert.Equal(1_000_000 - fills.Opened.EntryCosts, machine.Cash);
    }

    [Fact]
    public void Declined_Rejected_AndBadScale()
    {
        PositionMachine machine = Machine();
        Assert.Equal(BarDecision.EntryDeclined, machine.AtClose(Bar(0, 0.025), Point(0.025), allow: false));
        Assert.Equal(BarDecision.None, machine.AtClose(Bar(0, 0.01), Point(0.01), allow: true));             // |z| = 1: no candidate
        Assert.Equal(BarDecision.None, machine.AtClose(Bar(0, 0.025, segment: -1), Point(0.025), allow: true)); // in no segment
        Assert.Throws<ArgumentOutOfRangeException>(() => machine.AtClose(Bar(0, 0.025), Point(0.025), allow: true, positionScale: 1.5));

        var tiny = new PositionMachine(new TradingRules(), s_a with { MinNotional = 1e9 }, s_b, new CostModel(), 1_000_000);
        Assert.Equal(BarDecision.EntryRejected, tiny.AtClose(Bar(0, 0.025), Point(0.025), allow: true));
        Assert.Equal(SizingRejection.BelowMinNotional, tiny.LastRejection!.Rejection);
    }

    [Fact]
    public void Exit_IsDecidedOnTheEntryFixedZ_AndFilledAtTheNextOpen()
    {
        PositionMachine machine = Machine();
        machine.AtClose(Bar(0, 0.025), Point(0.025), allow: true);
        machine.AtOpen(Bar(1, 0.02));
        Assert.Equal(BarDecision.None, machine.AtClose(Bar(1, 0.02), Point(0.02), allow: true));
        Assert.Equal(BarDecision.ExitDecided, machine.AtClose(Bar(2, 0.004), Point(0.004), allow: true));
        Assert.Equal(ExitReason.Reversion, machine.PendingExit);

        Trade trade = machine.AtOpen(Bar(3, 0.003)).Closed!;
        Assert.Equal((0, 1, 3, ExitReason.Reversion), (trade.DecisionBar, trade.EntryBar, trade.ExitBar, trade.ExitReason));
        Assert.True(machine.IsFlat);
        Assert.Equal(1_000_000 + trade.Pnl, machine.Cash, 6);
    }

    [Fact]
    public void Flatten_ExitsAtTheNextOpen_AndDropsAPendingEntry()
    {
        PositionMachine machine = Machine();
        Assert.False(machine.Flatten());                                            // flat: nothing to exit
        machine.AtClose(Bar(0, 0.025), Point(0.025), allow: true);
        Assert.False(machine.Flatten());
        Assert.Null(machine.PendingEntry);

        machine.AtClose(Bar(1, 0.025), Point(0.025), allow: true);
        machine.AtOpen(Bar(2, 0.025));
        Assert.True(machine.Flatten());
        Assert.False(machine.Flatten());                                            // already pending
        Assert.Equal(ExitReason.Flatten, machine.AtOpen(Bar(3, 0.025)).Closed!.ExitReason);
    }

    [Fact]
    public void Split_CancelsAPendingEntry_AndClosesAPositionAtTheNextSegment()
    {
        PositionMachine machine = Machine();
        machine.AtClose(Bar(0, 0.025), Point(0.025), allow: true);
        Assert.NotNull(machine.AtOpen(Bar(1, 0.025, segment: -1)).Cancelled);

        machine.AtClose(Bar(2, 0.025, segment: 1), Point(0.025), allow: true);
        machine.AtOpen(Bar(3, 0.024, segment: 1));
        Assert.Null(machine.AtOpen(Bar(4, 0.0, segment: -1)).Closed);              // inside the gap: held, nothing decided
        Assert.Equal(BarDecision.None, machine.AtClose(Bar(4, 0.0, segment: -1), Point(0.0), allow: true));
        Trade trade = machine.AtOpen(Bar(5, 0.01, segment: 2, openLogSpread: 0.005)).Closed!;
        Assert.Equal((ExitReason.SegmentSplit, 5, Math.Exp(0.005)), (trade.ExitReason, trade.ExitBar, trade.ExitPriceA));
    }

    [Fact]
    public void Snapshot_RestoresExactly_AndBadStatesAreRefused()
    {
        PositionMachine machine = Machine();
        machine.AtClose(Bar(0, 0.025), Point(0.025), allow: true);
        machine.AtOpen(Bar(1, 0.02));
        PositionState state = machine.Snapshot();

        PositionMachine restored = Machine();
        restored.Restore(state);
        Assert.Equal(state, restored.Snapshot());
        Assert.Equal(machine.AtClose(Bar(2, 0.004), Point(0.004), allow: true), restored.AtClose(Bar(2, 0.004), Point(0.004), allow: true));
        Assert.Equal(machine.AtOpen(Bar(3, 0.003)).Closed, restored.AtOpen(Bar(3, 0.003)).Closed);

        Assert.Throws<ArgumentException>(() => Machine().Restore(state with { Cash = double.NaN }));
        Assert.Throws<ArgumentException>(() => Machine().Restore(state with { Position = null, PendingExit = ExitReason.Stop }));
    }

    [Fact]
    public void Legs_InDifferentCurrencies_AreRefused() =>
        Assert.Throws<ArgumentException>(() => new PositionMachine(new TradingRules(), s_a, s_b with { QuoteCurrency = "JPY" }, new CostModel(), 1_000_000));
}
