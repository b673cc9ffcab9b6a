using System.Collections.Immutable;
using Alpha.Retraining;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Alpha.Retraining.Tests;

/// <summary>
/// The retraining service over simulated weeks with a fake clock and the embedded stores (JSON lines, lock files): a daily
/// cron fires once per day, a missed run is caught up once, a degradation fires once per deployed version, a failing flow
/// retries twice and two failed runs disable the schedule, two hosts contend and one runs, and a run a dead host left
/// running ends aborted.
/// </summary>
public sealed class RetrainServiceTests : IDisposable
{
    private static readonly DateTimeOffset s_start = new(2026, 12, 7, 0, 0, 0, TimeSpan.Zero);
    private static readonly RetrainPolicy s_daily = new("0 2 * * *", "30 0 * * *", 2, TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(5), 2);
    private readonly FakeTimeProvider _time = new(s_start);
    private readonly string _folder = Directory.CreateTempSubdirectory("alpha-retrain-service-").FullName;
    private readonly RecordingNotifier _notifier = new();

    private JsonLinesRetrainRunStore Runs => new(Path.Combine(_folder, "runs.jsonl"));

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task ADailyCron_OverThreeSimulatedWeeks_FiresOncePerDay_At0200()
    {
        int calls = 0;
        RetrainService service = Service(s_daily, (_, _) => Task.FromResult(RetrainRunnerTests.Outcome($"v{++calls}")));

        int ran = 0;
        for (int step = 0; step < 21 * 24 * 6; step++)          // 21 days in 10-minute passes
        {
            _time.Advance(TimeSpan.FromMinutes(10));
            ran += (await service.TickAsync(default)).Runs.Length;
        }

        ImmutableArray<RetrainRun> runs = await Runs.RecentAsync("audnzd-h4", 100, default);
        Assert.Equal((21, 21), (ran, calls));
        Assert.Equal(Enumerable.Range(0, 21).Select(d => s_start.AddDays(d).AddHours(2)).Reverse(), runs.Select(r => r.ScheduledFor));
        Assert.All(runs, r => Assert.Equal((RetrainRunStatus.Success, RetrainTrigger.Scheduled, "retrain_cron '0 2 * * *'"), (r.Status, r.Trigger, r.Cause)));
        Assert.Equal(21, _notifier.Events.Count(e => e.Code == RetrainCodes.Succeeded && e.Severity == RetrainSeverity.Info));
    }

    [Fact]
    public async Task AfterDowntime_TheMissedOccurrences_AreCaughtUpOnce_AndANewScheduleSkipsItsPast()
    {
        RetrainService first = Service(s_daily, (_, _) => Task.FromResult(RetrainRunnerTests.Outcome("v")));
        _time.Advance(TimeSpan.FromHours(3));                       // 03:00 on day 1: the service started at 00:00, 02:00 is due
        Assert.Single((await first.TickAsync(default)).Runs);

        _time.Advance(TimeSpan.FromDays(4));                         // down for four days (four 02:00s missed)
        RetrainService restarted = Service(s_daily, (_, _) => Task.FromResult(RetrainRunnerTests.Outcome("w")));
        RetrainTick catchUp = await restarted.TickAsync(default);
        RetrainTick next = await restarted.TickAsync(default);

        RetrainRun caughtUp = Assert.Single(catchUp.Runs);
        Assert.Equal(s_start.AddDays(4).AddHours(2), caughtUp.ScheduledFor);          // the latest missed occurrence, once
        Assert.Empty(next.Runs);

        var other = new RetrainServiceOptions { ScheduleId = "eurgbp-h4", Policy = s_daily, Host = "host-a" };
        RetrainService fresh = new(other, Runs, new FileRetrainLeaderLock(_folder), (_, _) => Task.FromResult(RetrainRunnerTests.Outcome("x")), _time, NullLogger<RetrainService>.Instance);
        Assert.Empty((await fresh.TickAsync(default)).Runs);          // started after today's 02:00: nothing until tomorrow's
    }

    [Fact]
    public async Task ADegradationVerdict_FiresOneRun_PerDeployedVersion()
    {
        var monthly = s_daily with { Cron = "0 3 1 * *" };
        var deployedAt = new DateTimeOffset(2026, 11, 20, 9, 15, 0, TimeSpan.Zero);
        var probe = new ScriptedProbe(new DegradationSignal("20261120_0915_abc1234", deployedAt, "win_rate pair: gap 0.18 over 0.15"));
        RetrainService service = Service(monthly, (_, _) => Task.FromResult(RetrainRunnerTests.Outcome("v2")), probe);

        var runs = new List<RetrainRun>();
        for (int step = 0; step < 5 * 24 * 6; step++)               // five days: five checks at 00:30
        {
            _time.Advance(TimeSpan.FromMinutes(10));
            runs.AddRange((await service.TickAsync(default)).Runs);
        }

        RetrainRun run = Assert.Single(runs);
        Assert.Equal(5, probe.Checks);
        Assert.Equal((RetrainTrigger.Degradation, deployedAt, RetrainRunStatus.Success), (run.Trigger, run.ScheduledFor, run.Status));
        Assert.Equal("degradation of 20261120_0915_abc1234: win_rate pair: gap 0.18 over 0.15", run.Cause);
    }

    [Fact]
    public async Task AFailingFlow_RetriesTwice_AndTwoFailedRuns_DisableTheSchedule_UntilAManualRunSucceeds()
    {
        bool broken = true;
        int attempts = 0;
        RetrainService service = Service(s_daily, (_, _) =>
        {
            attempts++;
            return broken ? throw new InvalidOperationException("the booster crashed") : Task.FromResult(RetrainRunnerTests.Outcome("fixed"));
        }, new ScriptedProbe(new DegradationSignal("v0", s_start.AddDays(-3), "auc")));

        var ticks = new List<RetrainTick>();
        for (int step = 0; step < 4 * 24 * 6; step++)              // four days
        {
            _time.Advance(TimeSpan.FromMinutes(10));
            ticks.Add(await DriveAsync(service.TickAsync(default)));
        }

        RetrainRun[] failed = [.. ticks.SelectMany(t => t.Runs)];
        Assert.Equal(2, failed.Length);                                                         // day 1's degradation run at 00:30, day 1's cron at 02:00; then disabled
        Assert.All(failed, r => Assert.Equal((RetrainRunStatus.Failed, 3, 2), (r.Status, r.Attempts, r.RetryCount)));
        Assert.Equal(6, attempts);
        Assert.True(ticks[^1].Disabled);
        Assert.Equal([RetrainCodes.Failed, RetrainCodes.Failed, RetrainCodes.Disabled], _notifier.Events.Select(e => e.Code));
        RetrainEvent disabled = _notifier.Events[^1];
        Assert.Equal(RetrainSeverity.Critical, disabled.Severity);
        Assert.Equal("failed", disabled.Details["status"]);
        Assert.Contains("CORE_RETRAIN_FAILED: InvalidOperationException: the booster crashed", disabled.Details["error_message"], StringComparison.Ordinal);

        broken = false;
        RetrainRun manual = await service.RunNowAsync("an operator fixed the booster", default);
        _time.Advance(TimeSpan.FromDays(1));
        RetrainTick after = await service.TickAsync(default);

        Assert.Equal((RetrainRunStatus.Success, RetrainTrigger.Manual), (manual.Status, manual.Trigger));
        Assert.False(after.Disabled);
        Assert.Equal(RetrainTrigger.Scheduled, Assert.Single(after.Runs).Trigger);              // the schedule runs again
    }

    [Fact]
    public async Task TwoHostsContend_ExactlyOneRuns()
    {
        var release = new TaskCompletionSource<RetrainOutcome>(TaskCreationOptions.RunContinuationsAsynchronously);
        int calls = 0;
        RetrainWork work = (_, _) =>
        {
            Interlocked.Increment(ref calls);
            return release.Task;
        };
        RetrainService a = Service(s_daily, work, host: "host-a"), b = Service(s_daily, work, host: "host-b");
        _time.Advance(TimeSpan.FromHours(2));

        Task<RetrainTick> leading = a.TickAsync(default);
        await WaitUntilAsync(() => Volatile.Read(ref calls) == 1);
        RetrainTick contender = await b.TickAsync(default);
        release.SetResult(RetrainRunnerTests.Outcome("v1"));
        RetrainTick led = await leading;
        RetrainTick afterwards = await b.TickAsync(default);           // b leads now, and the occurrence has run

        Assert.Equal((false, 0), (contender.Leader, contender.Runs.Length));
        Assert.Equal((true, 1), (led.Leader, led.Runs.Length));
        Assert.Equal((true, 0), (afterwards.Leader, afterwards.Runs.Length));
        Assert.Equal(1, calls);
        Assert.Equal("host-a", Assert.Single(await Runs.RecentAsync("audnzd-h4", 10, default)).Host);
    }

    [Fact]
    public async Task ARunADeadHostLeftRunning_EndsAborted_WhileALiveOneIsLeftAlone()
    {
        DateTimeOffset crashed = s_start.AddHours(2);
        await Runs.TryStartAsync(new RetrainRun(Guid.NewGuid(), "audnzd-h4", crashed, RetrainTrigger.Scheduled, "retrain_cron", RetrainRunStatus.Running, 2, "dead-host",
            crashed, crashed.AddMinutes(1), null, null, null, null), default);
        RetrainService service = Service(s_daily with { Cron = "0 3 1 * *" }, (_, _) => Task.FromResult(RetrainRunnerTests.Outcome("v")));

        _time.Advance(TimeSpan.FromHours(2).Add(TimeSpan.FromMinutes(4)));       // 4 − 1 = 3 minutes of silence: under the 5-minute timeout
        RetrainTick early = await service.TickAsync(default);
        _time.Advance(TimeSpan.FromMinutes(3));                                  // 6 minutes: the host is gone
        RetrainTick late = await service.TickAsync(default);

        Assert.Empty(early.Recovered);
        RetrainRun closed = Assert.Single(late.Recovered);
        RetrainRun stored = Assert.Single(await Runs.RecentAsync("audnzd-h4", 10, default));
        Assert.Equal(RetrainRunStatus.Aborted, stored.Status);
        Assert.Equal(_time.GetUtcNow(), stored.EndedAt);
        Assert.StartsWith("CORE_RETRAIN_ORPHANED: host dead-host stopped beating at 2026-12-07 02:01:00Z during attempt 2", stored.Error, StringComparison.Ordinal);
        Assert.Equal(closed, stored);
        Assert.Equal(RetrainCodes.Orphaned, Assert.Single(_notifier.Events).Code);
    }

    [Fact]
    public void AnInvalidPolicy_IsRefused_NamingTheKey()
    {
        ArgumentException e = Assert.Throws<ArgumentException>(() => Service(s_daily with { Cron = "every day" }, (_, _) => Task.FromResult(RetrainRunnerTests.Outcome("v"))));
        Assert.Equal("retrain_cron", e.ParamName);
        Assert.Equal("retrain_retry_max", Assert.Throws<ArgumentOutOfRangeException>(() => (s_daily with { RetryMax = 11 }).Validate()).ParamName);
        Assert.Equal("heartbeat_timeout_seconds", Assert.Throws<ArgumentOutOfRangeException>(() => (s_daily with { HeartbeatTimeout = TimeSpan.FromSeconds(59) }).Validate()).ParamName);
    }

    private RetrainService Service(RetrainPolicy policy, RetrainWork work, IDegradationProbe? probe = null, string host = "host-a") =>
        new(new RetrainServiceOptions { ScheduleId = "audnzd-h4", Policy = policy, Host = host, Seed = 7 }, Runs, new FileRetrainLeaderLock(_folder), work, _time,
            NullLogger<RetrainService>.Instance, requests: null, probe, _notifier);

    // Moves the fake clock 30 s at a time (bounded: a simulated day) until the pass ends: retries wait on the clock.
    private async Task<T> DriveAsync<T>(Task<T> task)
    {
        for (int step = 0; step < 2880 && !task.IsCompleted; step++)
        {
            await Task.Delay(1);
            if (!task.IsCompleted)
            {
                _time.Advance(TimeSpan.FromSeconds(30));
            }
        }

        Assert.True(task.IsCompleted, "the pass did not end within a simulated day");
        return await task;
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (int i = 0; i < 500 && !condition(); i++)
        {
            await Task.Delay(10);
        }

        Assert.True(condition(), "the condition did not hold within 5 s");
    }
}
