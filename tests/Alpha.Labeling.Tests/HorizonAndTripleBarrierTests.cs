namespace Alpha.Labeling.Tests;

public sealed class HorizonAndTripleBarrierTests
{
    [Fact]
    public void Horizon_ClassifiesTheFutureReturn()
    {
        double[] prices = [100, 101, 99, 100.05, 100];
        var events = HorizonLabeler.Label(prices, [], horizon: 1, thresholdUp: 0.005, thresholdDown: -0.005);

        Assert.Equal(
            new[] { (0, 1, HorizonClass.Up), (1, 2, HorizonClass.Down), (2, 3, HorizonClass.Up), (3, 4, HorizonClass.Range) },
            events.Select(e => (e.T0, e.T1, (HorizonClass)e.Label)));
    }

    [Fact]
    public void Horizon_SkipsHorizonsThatLeaveTheSegment()
    {
        var events = HorizonLabeler.Label([1, 1, 1, 1, 1], [0, 0, -1, 1, 1], horizon: 1, thresholdUp: 0.01, thresholdDown: -0.01);
        Assert.Equal(new[] { 0, 3 }, events.Select(e => e.T0));
    }

    [Fact]
    public void TripleBarrier_FirstTouchDecides()
    {
        // From 100: +1 % at bar 2 touches the profit barrier (target 1 %) before the −1 % at bar 3.
        double[] prices = [100, 100.5, 101, 99, 99, 99];
        var events = new TripleBarrierLabeler(new TripleBarrierOptions { MaxHoldingBars = 4 }).Label(prices, [], [0], [0.01]);

        Assert.Equal(new LabeledEvent(0, 2, 1, 0), Assert.Single(events));
    }

    [Fact]
    public void TripleBarrier_VerticalBarrier_LabelsTheSignOfTheReturn()
    {
        double[] prices = [100, 100.2, 99.9, 99.8, 99.7];
        var events = new TripleBarrierLabeler(new TripleBarrierOptions { MaxHoldingBars = 3 }).Label(prices, [], [0, 1], [0.05, 0.05]);

        Assert.Equal(new[] { new LabeledEvent(0, 3, -1, 0), new LabeledEvent(1, 4, -1, 0) }, events);
    }

    [Fact]
    public void TripleBarrier_WithSides_GivesMetaLabels()
    {
        // Short from 100: the fall to 98.9 is a 1.1 % gain for the short side.
        double[] prices = [100, 99.5, 98.9, 99, 99];
        var events = new TripleBarrierLabeler(new TripleBarrierOptions { MaxHoldingBars = 3 }).Label(prices, [], [0], [0.01], [-1]);

        Assert.Equal(new LabeledEvent(0, 2, 1, -1), Assert.Single(events));
    }

    [Fact]
    public void TripleBarrier_IncompleteHorizon_GivesNoSample() =>
        Assert.Empty(new TripleBarrierLabeler(new TripleBarrierOptions { MaxHoldingBars = 10 }).Label([1, 1, 1], [], [0], [0.01]));

    [Fact]
    public void TripleBarrier_BadSide_IsRefused() =>
        Assert.Throws<ArgumentException>(() => new TripleBarrierLabeler().Label([1, 2, 3], [], [0], [0.1], [0]));
}
