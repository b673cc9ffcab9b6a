using Alpha.CrossValidation;

namespace Alpha.CrossValidation.Tests;

public sealed class PurgedKFoldTests
{
    private static PurgedKFoldOptions Unblocked(int folds, int purge, int embargo) =>
        new() { Folds = folds, PurgeBars = purge, EmbargoBars = embargo, MinBlockBars = 1 };

    [Fact]
    public void Split_PointEventsWithoutPurge_IsContiguousKFold()
    {
        var events = LabelEvents.EveryBar(BarAxis.OfLength(10));
        var folds = new PurgedKFold(Unblocked(5, 0, 0)).Split(events).ToList();

        Assert.Equal(5, folds.Count);
        for (int k = 0; k < 5; k++)
        {
            Assert.Equal(new[] { 2 * k, (2 * k) + 1 }, folds[k].Test);
            Assert.Equal(Enumerable.Range(0, 10).Except(folds[k].Test), folds[k].Train);
            Assert.Equal(new TestSpan(2 * k, (2 * k) + 1), Assert.Single(folds[k].TestSpans));
        }
    }

    [Fact]
    public void Split_LastGroupTakesTheRemainder()
    {
        // 13 bars into 4 groups: 3-bar groups, the last one covers bars 9..12.
        var events = LabelEvents.EveryBar(BarAxis.OfLength(13));
        var folds = new PurgedKFold(Unblocked(4, 0, 0)).Split(events).ToList();

        Assert.Equal(new[] { 0, 1, 2 }, folds[0].Test);
        Assert.Equal(new[] { 9, 10, 11, 12 }, folds[3].Test);
    }

    [Fact]
    public void Split_TrainingLabelEndingAtTestStart_IsPurged()
    {
        // Sample 0 spans [0, 4]; the test group starting at bar 4 must not train on it (closed intervals).
        var events = LabelEvents.Create([0, 1, 4, 5, 8, 9], [4, 2, 4, 5, 8, 9], 10);
        var fold = new PurgedKFold(Unblocked(3, 0, 0)).Split(events).ElementAt(1);

        Assert.Equal(new[] { 2, 3 }, fold.Test);
        Assert.Equal(new[] { 1, 4, 5 }, fold.Train);
    }

    [Fact]
    public void Split_PurgeWidensBothSides_EmbargoOnlyAfter()
    {
        var events = LabelEvents.EveryBar(BarAxis.OfLength(12));
        var purged = new PurgedKFold(Unblocked(3, 1, 0)).Split(events).ToList();
        var embargoed = new PurgedKFold(Unblocked(3, 0, 2)).Split(events).ToList();

        Assert.Equal(new[] { 0, 1, 2, 9, 10, 11 }, purged[1].Train);
        Assert.Equal(new[] { 0, 1, 2, 3, 10, 11 }, embargoed[1].Train);
    }

    [Fact]
    public void Split_EmbargoIsInclusiveAndCountsFromTheWidenedEnd()
    {
        // Test span [4, 7], purge 1 → widened to [3, 8]; embargo 2 → t0 in (8, 10] is dropped, 11 is kept.
        var events = LabelEvents.EveryBar(BarAxis.OfLength(12));
        var fold = new PurgedKFold(Unblocked(3, 1, 2)).Split(events).ElementAt(1);

        Assert.Equal(new[] { 0, 1, 2, 11 }, fold.Train);
    }

    [Fact]
    public void Split_GroupsAreByBarLengthNotSampleCount()
    {
        // Dense samples early, sparse late: groups still cover equal bar ranges of the t0 axis [0, 19].
        int[] t0 = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 15, 19];
        var events = LabelEvents.Points(t0, BarAxis.OfLength(20));
        var folds = new PurgedKFold(Unblocked(2, 0, 0)).Split(events).ToList();

        Assert.Equal(Enumerable.Range(0, 10), folds[0].Test);
        Assert.Equal(new[] { 10, 11 }, folds[1].Test);
    }

    [Fact]
    public void Split_DefaultsRefuseGroupsShorterThanMinBlock()
    {
        var events = LabelEvents.EveryBar(BarAxis.OfLength(1000));

        var error = Assert.Throws<ArgumentException>(() => new PurgedKFold().Split(events));
        Assert.Contains("200-bar groups", error.Message, StringComparison.Ordinal);
        Assert.Contains("240", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Split_DefaultsAccept1200BarsAndPurge24BarsEachSide()
    {
        var events = LabelEvents.EveryBar(BarAxis.OfLength(1200));
        var folds = new PurgedKFold().Split(events).ToList();

        Assert.Equal(5, folds.Count);
        // Fold 2 tests bars 480..719: training stops at 455 and resumes at 768 (24 purge + 24 embargo after 719).
        Assert.Equal(455, folds[2].Train.Where(i => i < 480).Max());
        Assert.Equal(768, folds[2].Train.Where(i => i > 719).Min());
    }

    [Fact]
    public void Split_GroupWithoutSamples_IsRefusedNamingTheGroup()
    {
        var events = LabelEvents.Points([0, 1, 2, 9], BarAxis.OfLength(10));

        var error = Assert.Throws<ArgumentException>(() => new PurgedKFold(Unblocked(3, 0, 0)).Split(events));
        Assert.Contains("Group 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Split_FoldWithoutTraining_IsRefused()
    {
        // Every label spans the whole axis, so every training sample overlaps every test span.
        var events = LabelEvents.Create([0, 1, 2, 3], [3, 3, 3, 3], 4);

        var error = Assert.Throws<ArgumentException>(() => new PurgedKFold(Unblocked(2, 0, 0)).Split(events));
        Assert.Contains("leaves no training sample", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Split_IsLazy_BuildsNoFoldUntilEnumerated()
    {
        var events = LabelEvents.EveryBar(BarAxis.OfLength(1200));
        IEnumerable<Fold> folds = new PurgedKFold().Split(events);

        using IEnumerator<Fold> e = folds.GetEnumerator();
        Assert.True(e.MoveNext());
        Assert.Equal(0, e.Current.Index);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(0)]
    public void Constructor_TooFewFolds_Throws(int folds) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new PurgedKFold(new PurgedKFoldOptions { Folds = folds }));

    [Fact]
    public void Constructor_NegativePurge_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new PurgedKFold(new PurgedKFoldOptions { PurgeBars = -1 }));
}
