using Alpha.CrossValidation;

namespace Alpha.CrossValidation.Tests;

public sealed class WalkForwardTests
{
    [Fact]
    public void Split_Rolling_StepsByTestSize()
    {
        var events = LabelEvents.EveryBar(BarAxis.OfLength(10));
        var folds = new WalkForward(new WalkForwardOptions { TrainSize = 4, TestSize = 2, PurgeBars = 0, EmbargoBars = 0 }).Split(events).ToList();

        Assert.Equal(3, folds.Count);
        Assert.Equal(new[] { 0, 1, 2, 3 }, folds[0].Train);
        Assert.Equal(new[] { 4, 5 }, folds[0].Test);
        Assert.Equal(new[] { 2, 3, 4, 5 }, folds[1].Train);
        Assert.Equal(new[] { 8, 9 }, folds[2].Test);
    }

    [Fact]
    public void Split_ExpandingWithGap_KeepsEverythingBeforeTheGap()
    {
        var events = LabelEvents.EveryBar(BarAxis.OfLength(10));
        var folds = new WalkForward(new WalkForwardOptions { TrainSize = 3, TestSize = 3, Gap = 1, Expanding = true, PurgeBars = 0, EmbargoBars = 0 }).Split(events).ToList();

        Assert.Equal(2, folds.Count);
        Assert.Equal(new[] { 0, 1, 2 }, folds[0].Train);
        Assert.Equal(new[] { 4, 5, 6 }, folds[0].Test);
        Assert.Equal(new[] { 0, 1, 2, 3, 4, 5 }, folds[1].Train);
        Assert.Equal(new[] { 7, 8, 9 }, folds[1].Test);
    }

    [Fact]
    public void Split_PurgesTrainingLabelsReachingIntoTheTestSpan()
    {
        // Labels look 3 bars ahead: the last 3 training labels before the test (plus the purge) are dropped.
        int[] t0 = Enumerable.Range(0, 20).ToArray();
        int[] t1 = t0.Select(t => Math.Min(t + 3, 22)).ToArray();
        var events = LabelEvents.Create(t0, t1, 23);
        var fold = new WalkForward(new WalkForwardOptions { TrainSize = 10, TestSize = 5, PurgeBars = 1, EmbargoBars = 0 }).Split(events).First();

        Assert.Equal(new[] { 0, 1, 2, 3, 4, 5 }, fold.Train);
    }

    [Fact]
    public void Split_TooFewSamples_Throws() =>
        Assert.Throws<ArgumentException>(() => new WalkForward(new WalkForwardOptions { TrainSize = 8, TestSize = 3 }).Split(LabelEvents.EveryBar(BarAxis.OfLength(10))));
}
