using Alpha.CrossValidation;

namespace Alpha.CrossValidation.Tests;

public sealed class CalendarWalkForwardTests
{
    private static LabelEvents DailyBars(DateTime first, int days)
    {
        var times = Enumerable.Range(0, days).Select(d => first.AddDays(d)).ToArray();
        return LabelEvents.EveryBar(BarAxis.FromTimestamps(times));
    }

    [Fact]
    public void Split_MonthlyWindowsAfterMinTrainDays()
    {
        var first = new DateTime(2020, 1, 15, 0, 0, 0, DateTimeKind.Utc);
        var events = DailyBars(first, 500);
        var folds = new CalendarWalkForward(new CalendarWalkForwardOptions { PurgeBars = 0, EmbargoBars = 0 }).Split(events).ToList();

        // 2020-01-15 + 360 days = 2021-01-09 → the first window is February 2021.
        DateTime FirstTestTime(Fold f) => events.Axis.Timestamps[f.Test[0]];
        Assert.Equal(new DateTime(2021, 2, 1, 0, 0, 0, DateTimeKind.Utc), FirstTestTime(folds[0]));
        Assert.Equal(28, folds[0].Test.Length);
        Assert.Equal(Enumerable.Range(0, folds[0].Test[0]), folds[0].Train);
        Assert.Equal(new DateTime(2021, 3, 1, 0, 0, 0, DateTimeKind.Utc), FirstTestTime(folds[1]));
        Assert.Equal(31, folds[1].Test.Length);
        Assert.All(folds.Zip(folds.Skip(1)), p => Assert.Equal(p.First.Test[^1] + 1, p.Second.Test[0]));
        Assert.Equal(499, folds[^1].Test[^1]);
    }

    [Fact]
    public void Split_MaxTrainDays_RollsTheTrainingWindow()
    {
        var events = DailyBars(new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc), 500);
        var folds = new CalendarWalkForward(new CalendarWalkForwardOptions { MaxTrainDays = 30, PurgeBars = 0, EmbargoBars = 0 }).Split(events).ToList();

        Assert.All(folds, f => Assert.Equal(30, f.Train.Length));
    }

    [Fact]
    public void Split_PurgesLabelsReachingIntoTheMonth()
    {
        var first = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var times = Enumerable.Range(0, 450).Select(d => first.AddDays(d)).ToArray();
        int[] t0 = Enumerable.Range(0, 440).ToArray();
        int[] t1 = t0.Select(t => t + 5).ToArray();
        var events = LabelEvents.Create(t0, t1, BarAxis.FromTimestamps(times));
        Fold fold = new CalendarWalkForward(new CalendarWalkForwardOptions { PurgeBars = 2, EmbargoBars = 0 }).Split(events).First();

        // A training label [t, t + 5] must end before test start − 2.
        Assert.Equal(fold.Test[0] - 8, fold.Train[^1]);
    }

    [Fact]
    public void Split_AxisWithoutTimestamps_Throws() =>
        Assert.Throws<ArgumentException>(() => new CalendarWalkForward().Split(LabelEvents.EveryBar(BarAxis.OfLength(10))));

    [Fact]
    public void Split_DataEndingBeforeFirstWindow_Throws()
    {
        var events = DailyBars(new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc), 100);
        Assert.Throws<ArgumentException>(() => new CalendarWalkForward().Split(events));
    }
}
