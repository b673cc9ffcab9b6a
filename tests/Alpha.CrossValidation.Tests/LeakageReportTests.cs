using Alpha.CrossValidation;

namespace Alpha.CrossValidation.Tests;

public sealed class LeakageReportTests
{
    [Fact]
    public void Create_PurgedKFold_CountsPurgedAndEmbargoedSamples()
    {
        var events = LabelEvents.EveryBar(BarAxis.OfLength(12));
        var folds = new PurgedKFold(new PurgedKFoldOptions { Folds = 3, PurgeBars = 1, EmbargoBars = 2, MinBlockBars = 1 }).Split(events);

        FoldLeakage middle = LeakageReport.Create(events, folds, 1, 2).Folds[1];

        // Test bars 4..7, widened [3, 8]: 3 and 8 purged; embargo (8, 10]: 9 and 10.
        Assert.Equal(2, middle.Purged);
        Assert.Equal(2, middle.Embargoed);
        Assert.Equal(0, middle.Unused);
        Assert.Equal(0, middle.Leaks);
        Assert.Equal(4, middle.TrainCount);
    }

    [Fact]
    public void Create_PlainTimeSeriesSplitWithLongLabels_ReportsLeaks()
    {
        // Labels look 3 bars ahead, but TimeSeriesSplit does not purge: the last training labels leak.
        int[] t0 = Enumerable.Range(0, 12).ToArray();
        var events = LabelEvents.Create(t0, t0.Select(t => Math.Min(t + 3, 11)).ToArray(), 12);
        var folds = new TimeSeriesSplit(new TimeSeriesSplitOptions { Splits = 3 }).Split(12);

        LeakageReport report = LeakageReport.Create(events, folds, 0, 0);

        Assert.False(report.IsLeakFree);
        Assert.All(report.Folds, f => Assert.Equal(3, f.Leaks));
        Assert.Equal(new TestSpan(3, 8), report.Folds[0].TestSpans.Single());
    }

    [Fact]
    public void Create_SampleInTrainAndTest_NamesFoldAndSample()
    {
        var events = LabelEvents.EveryBar(BarAxis.OfLength(4));
        var overlapping = new Fold(3, [0, 1], [1, 2], []);

        var error = Assert.Throws<ArgumentException>(() => LeakageReport.Create(events, [overlapping], 0, 0));
        Assert.Contains("Fold 3: sample 1", error.Message, StringComparison.Ordinal);
    }
}
