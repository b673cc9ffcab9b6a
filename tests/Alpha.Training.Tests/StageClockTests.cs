namespace Alpha.Training.Tests;

public sealed class StageClockTests
{
    [Fact]
    public void Stages_AreTimedOnTheInjectedClock_AndReported()
    {
        var time = new ManualTimeProvider(new DateTimeOffset(2026, 1, 5, 0, 0, 0, TimeSpan.Zero));
        var seen = new List<RetrainProgress>();
        var clock = new StageClock(time, new SynchronousProgress<RetrainProgress>(seen.Add), CancellationToken.None);

        clock.Start(RetrainStage.Align, "aligning");
        time.Advance(TimeSpan.FromMilliseconds(30));
        clock.Report(0.5, "half");
        time.Advance(TimeSpan.FromMilliseconds(20));
        clock.Done("aligned");
        clock.Record(RetrainStage.FinalModels, TimeSpan.FromSeconds(2), "trained elsewhere");
        clock.Start(RetrainStage.Features, "features");
        time.Advance(TimeSpan.FromMilliseconds(7));
        clock.Done("done");

        Assert.Equal(
            [new(RetrainStage.Align, TimeSpan.FromMilliseconds(50)), new(RetrainStage.FinalModels, TimeSpan.FromSeconds(2)), new KeyValuePair<RetrainStage, TimeSpan>(RetrainStage.Features, TimeSpan.FromMilliseconds(7))],
            clock.Times.ToArray());
        Assert.Equal(
            [(RetrainStage.Align, 0.0), (RetrainStage.Align, 0.5), (RetrainStage.Align, 1.0), (RetrainStage.FinalModels, 1.0), (RetrainStage.Features, 0.0), (RetrainStage.Features, 1.0)],
            seen.Select(p => (p.Stage, p.Fraction)));
    }

    [Fact]
    public void Cancellation_IsCheckedWhenAStageStartsOrReports()
    {
        using var cancel = new CancellationTokenSource();
        var clock = new StageClock(TimeProvider.System, null, cancel.Token);
        clock.Start(RetrainStage.Align, "aligning");
        cancel.Cancel();

        Assert.Throws<OperationCanceledException>(() => clock.Report(0.5, "half"));
        Assert.Throws<OperationCanceledException>(() => clock.Start(RetrainStage.Features, "features"));
    }
}
