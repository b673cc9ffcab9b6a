using System.Collections.Immutable;
using Alpha.Retraining;
using Microsoft.Extensions.Time.Testing;

namespace Alpha.Retraining.Tests;

/// <summary>One run with a fake clock: success, retries with backoff, blocked, a stalled heartbeat, the host stopping, and never twice.</summary>
public sealed class RetrainRunnerTests : IDisposable
{
    private static readonly DateTimeOffset s_at = new(2026, 12, 8, 2, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _time = new(s_at);
    private readonly string _folder = Directory.CreateTempSubdirectory("alpha-runner-").FullName;

    private JsonLinesRetrainRunStore Store => new(Path.Combine(_folder, "runs.jsonl"));

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Success_IsRecordedWithItsVersion_AndTheSameOccurrenceNeverRunsTwice()
    {
        RetrainRunner runner = Runner(maxRetries: 2);

        RetrainRun? run = await runner.RunAsync(new RetrainOccurrence("audnzd-h4", s_at, RetrainTrigger.Scheduled, "test"), (_, _) => Task.FromResult(Outcome("20261208_0200_abc1234")), default);
        RetrainRun? again = await Runner(maxRetries: 2, host: "host-b").RunAsync(new RetrainOccurrence("audnzd-h4", s_at, RetrainTrigger.Scheduled, "test"), (_, _) => Task.FromResult(Outcome("other")), default);

        Assert.Equal((RetrainRunStatus.Success, 1, "20261208_0200_abc1234", null), (run!.Status, run.Attempts, run.Outcome?.Version, run.Error));
        Assert.Null(again);
        Assert.Equal(RetrainRunStatus.Success, Assert.Single(await Store.RecentAsync("audnzd-h4", 10, default)).Status);
    }

    [Fact]
    public async Task AFailingFlow_RetriesTwice_WithBackoff_ThenFails()
    {
        int calls = 0;
        var times = new List<DateTimeOffset>();
        Task<RetrainRun?> running = Runner(maxRetries: 2).RunAsync(new RetrainOccurrence("audnzd-h4", s_at, RetrainTrigger.Scheduled, "test"), (_, _) =>
        {
            calls++;
            times.Add(_time.GetUtcNow());
            throw new InvalidOperationException("boom");
        }, default);

        RetrainRun run = (await DriveAsync(running))!;

        Assert.Equal((RetrainRunStatus.Failed, 3, 3), (run.Status, run.Attempts, calls));
        Assert.Equal("CORE_RETRAIN_FAILED: InvalidOperationException: boom", run.Error);
        Assert.InRange(times[1] - times[0], TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(15) + TimeSpan.FromSeconds(10));      // 10 min · u, u in [0.5, 1.5)
        Assert.InRange(times[2] - times[1], TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(30) + TimeSpan.FromSeconds(10));
        Assert.Equal(RetrainRunStatus.Failed, Assert.Single(await Store.RecentAsync("audnzd-h4", 10, default)).Status);
    }

    [Fact]
    public async Task AFlowThatFailsOnce_SucceedsOnTheRetry()
    {
        int calls = 0;
        Task<RetrainRun?> running = Runner(maxRetries: 2).RunAsync(new RetrainOccurrence("audnzd-h4", s_at, RetrainTrigger.Degradation, "test"), (_, _) =>
            ++calls == 1 ? throw new IOException("disk") : Task.FromResult(Outcome("v2")), default);

        RetrainRun run = (await DriveAsync(running))!;

        Assert.Equal((RetrainRunStatus.Success, 2, "v2", RetrainTrigger.Degradation), (run.Status, run.Attempts, run.Outcome?.Version, run.Trigger));
    }

    [Fact]
    public async Task MissingMetrics_Block_WithoutRetrying()
    {
        int calls = 0;
        RetrainRun? run = await Runner(maxRetries: 2).RunAsync(new RetrainOccurrence("audnzd-h4", s_at, RetrainTrigger.Scheduled, "test"), (_, _) =>
        {
            calls++;
            throw new RetrainBlockedException("CORE_RETRAIN_METRICS", "metrics.json has no backtest");
        }, default);

        Assert.Equal((RetrainRunStatus.Blocked, 1, 1), (run!.Status, run.Attempts, calls));
        Assert.Equal("CORE_RETRAIN_METRICS: metrics.json has no backtest", run.Error);
    }

    [Fact]
    public async Task AStalledAttempt_FailsWithTheHeartbeatCode_AndABeatingOneDoesNot()
    {
        Task<RetrainRun?> stalled = Runner(maxRetries: 0).RunAsync(new RetrainOccurrence("stalls", s_at, RetrainTrigger.Scheduled, "test"), async (_, ct) =>
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, _time, ct);
            return Outcome("never");
        }, default);
        Task<RetrainRun?> beating = Runner(maxRetries: 0).RunAsync(new RetrainOccurrence("beats", s_at, RetrainTrigger.Scheduled, "test"), async (attempt, ct) =>
        {
            for (int stage = 0; stage < 20; stage++)
            {
                await Task.Delay(TimeSpan.FromMinutes(1), _time, ct);      // a 20-minute run, beating every minute
                attempt.Beat();
            }

            return Outcome("v3");
        }, default);

        RetrainRun stalledRun = (await DriveAsync(stalled))!;
        RetrainRun beatingRun = (await DriveAsync(beating))!;

        Assert.Equal(RetrainRunStatus.Failed, stalledRun.Status);
        Assert.StartsWith("CORE_RETRAIN_HEARTBEAT: attempt 1 gave no heartbeat for", stalledRun.Error, StringComparison.Ordinal);
        Assert.Equal((RetrainRunStatus.Success, "v3"), (beatingRun.Status, beatingRun.Outcome?.Version));
    }

    [Fact]
    public async Task AnOutcomeWithMissingOrNonFiniteMetrics_IsBlocked_WithoutRetrying()
    {
        int calls = 0;
        RetrainRun? empty = await Runner(maxRetries: 2).RunAsync(new RetrainOccurrence("empty", s_at, RetrainTrigger.Scheduled, "test"), (_, _) =>
        {
            calls++;
            return Task.FromResult(new RetrainOutcome("v", 0.6, 0.3, ImmutableSortedDictionary<string, double>.Empty));
        }, default);
        RetrainRun? nan = await Runner(maxRetries: 2).RunAsync(new RetrainOccurrence("nan", s_at, RetrainTrigger.Scheduled, "test"), (_, _) =>
            Task.FromResult(Outcome("v") with { Metrics = Outcome("v").Metrics.Add("backtest_sharpe", double.NaN) }), default);

        Assert.Equal((RetrainRunStatus.Blocked, 1, null), (empty!.Status, calls, empty.Outcome));
        Assert.Equal("CORE_RETRAIN_METRICS: the run produced no metrics", empty.Error);
        Assert.Equal("CORE_RETRAIN_METRICS: metric 'backtest_sharpe' is NaN", nan!.Error);
    }

    [Fact]
    public async Task ABeatingAttempt_KeepsTheStoredHeartbeatFresh()
    {
        var seen = new List<DateTimeOffset>();
        Task<RetrainRun?> running = Runner(maxRetries: 0).RunAsync(new RetrainOccurrence("long", s_at, RetrainTrigger.Scheduled, "test"), async (attempt, ct) =>
        {
            for (int minute = 0; minute < 12; minute++)
            {
                await Task.Delay(TimeSpan.FromMinutes(1), _time, ct);
                attempt.Beat();
                seen.Add((await Store.RecentAsync("long", 1, ct))[0].HeartbeatAt);
            }

            return Outcome("v");
        }, default);

        RetrainRun run = (await DriveAsync(running))!;

        Assert.Equal(RetrainRunStatus.Success, run.Status);
        Assert.True(seen[^1] - s_at >= TimeSpan.FromMinutes(9), $"the stored heartbeat stayed at {seen[^1]:u}");      // never more than a third of the 3-minute timeout behind
        Assert.All(seen.Select((h, i) => s_at.AddMinutes(i + 1) - h), lag => Assert.True(lag <= TimeSpan.FromMinutes(2), $"lag {lag}"));
    }

    [Fact]
    public async Task TheHostStopping_AbortsTheRun_NeverLeavingItRunning()
    {
        using var stop = new CancellationTokenSource();
        Task<RetrainRun?> running = Runner(maxRetries: 2).RunAsync(new RetrainOccurrence("audnzd-h4", s_at, RetrainTrigger.Manual, "test"), async (attempt, ct) =>
        {
            await Task.Delay(TimeSpan.FromHours(1), _time, ct);
            return Outcome("late");
        }, stop.Token);

        _time.Advance(TimeSpan.FromSeconds(30));
        await stop.CancelAsync();
        RetrainRun run = (await DriveAsync(running))!;

        Assert.Equal(RetrainRunStatus.Aborted, run.Status);
        Assert.Equal(RetrainRunStatus.Aborted, Assert.Single(await Store.RecentAsync("audnzd-h4", 10, default)).Status);
    }

    internal static RetrainOutcome Outcome(string version) =>
        new(version, 0.6, 0.35, ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, [new KeyValuePair<string, double>(RetrainOutcome.ThetaTrialsKey, 48), new(RetrainOutcome.ThetaBestScoreKey, 1.25)]));

    private RetrainRunner Runner(int maxRetries, string host = "host-a") =>
        new(Store, new RetryBackoff(TimeSpan.FromMinutes(10), maxRetries, seed: 3), _time, host, TimeSpan.FromMinutes(3));

    // Moves the fake clock 10 s at a time (at most a simulated day, bounded) until the run ends.
    private async Task<T> DriveAsync<T>(Task<T> task)
    {
        for (int step = 0; step < 8640 && !task.IsCompleted; step++)
        {
            _time.Advance(TimeSpan.FromSeconds(10));
            await Task.Delay(1);
        }

        Assert.True(task.IsCompleted, "the run did not end within a simulated day");
        return await task;
    }
}
