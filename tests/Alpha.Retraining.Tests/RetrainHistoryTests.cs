using System.Collections.Immutable;
using Alpha.Retraining;

namespace Alpha.Retraining.Tests;

public sealed class RetrainHistoryTests
{
    private static readonly DateTimeOffset s_at = new(2026, 12, 1, 2, 0, 0, TimeSpan.Zero);

    [Fact]
    public void TheStreak_CountsFailedRunsSinceTheLastSuccessOrBlock_IgnoringAbortedAndRunningOnes()
    {
        RetrainRun[] runs =
        [
            Run(0, RetrainRunStatus.Success), Run(1, RetrainRunStatus.Failed), Run(2, RetrainRunStatus.Aborted), Run(3, RetrainRunStatus.Failed), Run(4, RetrainRunStatus.Running),
        ];

        Assert.Equal(2, RetrainHistory.ConsecutiveFailures(runs.Reverse()));
        Assert.True(RetrainHistory.Disabled(runs, 2));
        Assert.False(RetrainHistory.Disabled(runs, 3));
        Assert.Equal(0, RetrainHistory.ConsecutiveFailures([.. runs, Run(5, RetrainRunStatus.Blocked)]));
        Assert.Equal(0, RetrainHistory.ConsecutiveFailures([]));
    }

    [Fact]
    public void Metrics_RoundTripThroughTheirJson_AndBadJsonIsAnError()
    {
        RetrainOutcome outcome = RetrainRunnerTests.Outcome("v");

        Assert.Equal("{\"theta_best_score\":1.25,\"theta_trials\":48}", outcome.MetricsJson());
        Assert.Equal(outcome.Metrics, RetrainOutcome.ParseMetrics(outcome.MetricsJson()));
        Assert.Throws<InvalidDataException>(() => RetrainOutcome.ParseMetrics("{\"auc\":\"high\"}"));
        Assert.Throws<InvalidDataException>(() => RetrainOutcome.ParseMetrics("[1]"));
        Assert.Throws<InvalidDataException>(() => RetrainOutcome.ParseMetrics("{"));
    }

    private static RetrainRun Run(int day, RetrainRunStatus status) => new(
        Guid.NewGuid(), "s", s_at.AddDays(day), RetrainTrigger.Scheduled, "cron", status, 1, "h", s_at.AddDays(day), s_at.AddDays(day),
        status is RetrainRunStatus.Running ? null : s_at.AddDays(day).AddHours(1), null, null, status == RetrainRunStatus.Failed ? "CORE_RETRAIN_FAILED: x" : null);
}
