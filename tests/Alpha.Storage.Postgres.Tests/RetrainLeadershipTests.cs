using Alpha.Operations;
using Alpha.Retraining;
using Alpha.Storage.Postgres;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace Alpha.Storage.Postgres.Tests;

/// <summary>
/// The retraining service on a real server: pg_try_advisory_lock leadership (one leader; a leader whose session dies
/// frees it), two hosts contending for one occurrence (exactly one runs), /ops/retrain requests taken once, and a crashed
/// host's run closed as aborted.
/// </summary>
public sealed class RetrainLeadershipTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    private static readonly RetrainPolicy s_daily = new("0 2 * * *", "30 0 * * *", 2, TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(5), 2);

    [PostgresFact]
    public async Task OneHostLeads_AndALeaderWhoseSessionDies_FreesIt()
    {
        var locks = new PostgresRetrainLeaderLock(database.DataSource);

        IAsyncDisposable? first = await locks.TryAcquireAsync("leader-test", default);
        IAsyncDisposable? second = await locks.TryAcquireAsync("leader-test", default);
        IAsyncDisposable? other = await locks.TryAcquireAsync("another-schedule", default);
        Assert.NotNull(first);
        Assert.Null(second);
        Assert.NotNull(other);

        await database.ExecuteAsync("SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' AND ((classid::bigint << 32) | objid::bigint) = $1", PostgresRetrainLeaderLock.Key("leader-test"));
        IAsyncDisposable? afterCrash = await AcquireWithinAsync(locks, "leader-test");
        await first!.DisposeAsync();                                           // the dead session's lease lets go quietly
        Assert.Null(await locks.TryAcquireAsync("leader-test", default));      // the new leader still holds it
        await afterCrash.DisposeAsync();
        await other!.DisposeAsync();
        await using IAsyncDisposable? free = await locks.TryAcquireAsync("leader-test", default);
        Assert.NotNull(free);
    }

    [PostgresFact]
    public async Task TwoHostsContend_ForOneOccurrence_AndExactlyOneRuns()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 7, 0, 0, 0, TimeSpan.Zero));
        var release = new TaskCompletionSource<RetrainOutcome>(TaskCreationOptions.RunContinuationsAsynchronously);
        int calls = 0;
        RetrainWork work = (_, _) =>
        {
            Interlocked.Increment(ref calls);
            return release.Task;
        };
        RetrainService a = Service("contend", "host-a", work, time), b = Service("contend", "host-b", work, time);
        time.Advance(TimeSpan.FromHours(2));

        Task<RetrainTick> leading = a.TickAsync(default);
        for (int i = 0; i < 500 && Volatile.Read(ref calls) == 0; i++)
        {
            await Task.Delay(10);
        }

        RetrainTick contender = await b.TickAsync(default);
        release.SetResult(Outcome("20261207_0200_abc1234"));
        RetrainTick led = await leading;
        RetrainTick afterwards = await b.TickAsync(default);

        Assert.Equal((false, true, true), (contender.Leader, led.Leader, afterwards.Leader));
        Assert.Equal((1, 0, 1), (led.Runs.Length, afterwards.Runs.Length, calls));
        RetrainRun stored = Assert.Single(await new PostgresRetrainRunStore(database.DataSource).RecentAsync("contend", 10, default));
        Assert.Equal(("host-a", RetrainRunStatus.Success, "20261207_0200_abc1234"), (stored.Host, stored.Status, stored.Outcome!.Version));
    }

    [PostgresFact]
    public async Task ADailyCron_OverASimulatedWeek_OnPostgres_FiresOncePerDay_AndAFailingFlowIsDisabledAfterTwoRuns()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 7, 0, 0, 0, TimeSpan.Zero));
        int calls = 0;
        RetrainService daily = Service("week", "host-a", (_, _) => Task.FromResult(Outcome($"v{++calls}")), time);
        int attempts = 0;
        RetrainService failing = new(
            new RetrainServiceOptions { ScheduleId = "week-failing", Policy = s_daily with { RetryDelay = TimeSpan.FromMinutes(1) }, Host = "host-a" },
            new PostgresRetrainRunStore(database.DataSource), new PostgresRetrainLeaderLock(database.DataSource),
            (_, _) =>
            {
                attempts++;
                throw new IOException("disk full");
            }, time, NullLogger<RetrainService>.Instance);

        var failed = new List<RetrainRun>();
        for (int step = 0; step < 7 * 24 * 4; step++)                  // a week in 15-minute passes
        {
            time.Advance(TimeSpan.FromMinutes(15));
            await daily.TickAsync(default);
            Task<RetrainTick> pass = failing.TickAsync(default);
            for (int wait = 0; wait < 200 && !pass.IsCompleted; wait++)
            {
                await Task.Delay(5);
                time.Advance(TimeSpan.FromSeconds(30));                 // the retries' waits run on the fake clock
            }

            failed.AddRange((await pass).Runs);
        }

        var runs = await new PostgresRetrainRunStore(database.DataSource).RecentAsync("week", 100, default);
        DateTimeOffset first = new(2026, 12, 7, 2, 0, 0, TimeSpan.Zero);
        int days = (int)((time.GetUtcNow() - first).Ticks / TimeSpan.TicksPerDay) + 1;          // the retries' waits moved the clock past the week
        Assert.InRange(days, 7, 9);
        Assert.Equal((days, days), (runs.Length, calls));
        Assert.Equal(Enumerable.Range(0, days).Select(d => first.AddDays(d)).Reverse(), runs.Select(r => r.ScheduledFor));
        Assert.All(runs, r => Assert.Equal(RetrainRunStatus.Success, r.Status));
        Assert.Equal(2, failed.Count);                                   // days 1 and 2; disabled after
        Assert.All(failed, r => Assert.Equal((RetrainRunStatus.Failed, 2), (r.Status, r.RetryCount)));
        Assert.Equal(6, attempts);
    }

    [PostgresFact]
    public async Task RetrainRequests_FromTheApi_RunOnce_AndAreMarkedTaken()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 7, 10, 0, 0, TimeSpan.Zero));
        var requests = new PostgresOpsRequestStore(database.DataSource);
        var asked = new DateTimeOffset(2026, 12, 7, 9, 58, 12, 345, TimeSpan.Zero);
        var request = new OpsRequest(Guid.CreateVersion7(asked), OpsActions.Retrain, new OpsScope("requested", "*"), null, "drift on return_prob", new OperatorIdentity("alice", OperatorRole.Editor),
            asked, OpsRequestStatus.Pending, null, null);
        await requests.AddAsync(request, default);
        await requests.AddAsync(request with { Id = Guid.CreateVersion7(asked), Scope = new OpsScope("someone-else", "*") }, default);
        int calls = 0;
        RetrainService service = Service("requested", "host-a", (_, _) =>
        {
            calls++;
            return Task.FromResult(Outcome("20261207_1000_def5678"));
        }, time);

        RetrainTick first = await service.TickAsync(default);
        RetrainTick second = await service.TickAsync(default);

        RetrainRun run = Assert.Single(first.Runs);
        Assert.Empty(second.Runs);
        Assert.Equal(1, calls);
        Assert.Equal((RetrainTrigger.Manual, asked, RetrainRunStatus.Success), (run.Trigger, run.ScheduledFor, run.Status));
        Assert.Equal($"requested by alice: drift on return_prob (request {request.Id})", run.Cause);
        OpsRequest left = Assert.Single(await requests.PendingAsync(OpsActions.Retrain, default));
        Assert.Equal("someone-else", left.Scope.ModelId);
    }

    [PostgresFact]
    public async Task ARunACrashedHostLeftRunning_IsClosedAborted_NeverRunningForever()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 7, 2, 30, 0, TimeSpan.Zero));
        var runs = new PostgresRetrainRunStore(database.DataSource);
        DateTimeOffset at = new(2026, 12, 7, 2, 0, 0, TimeSpan.Zero);
        await runs.TryStartAsync(new RetrainRun(Guid.NewGuid(), "crashed", at, RetrainTrigger.Scheduled, "retrain_cron", RetrainRunStatus.Retrying, 2, "dead-host", at, at.AddMinutes(20), null, null, null,
            "CORE_RETRAIN_FAILED: IOException: disk"), default);

        RetrainTick tick = await Service("crashed", "host-b", (_, _) => Task.FromResult(Outcome("v")), time).TickAsync(default);

        RetrainRun stored = Assert.Single(await runs.RecentAsync("crashed", 10, default));
        Assert.Equal(stored, Assert.Single(tick.Recovered));
        Assert.Equal((RetrainRunStatus.Aborted, time.GetUtcNow()), (stored.Status, stored.EndedAt));
        Assert.StartsWith("CORE_RETRAIN_ORPHANED: host dead-host stopped beating at 2026-12-07 02:20:00Z during attempt 2; closed by host-b.", stored.Error, StringComparison.Ordinal);
    }

    private RetrainService Service(string schedule, string host, RetrainWork work, TimeProvider time) => new(
        new RetrainServiceOptions { ScheduleId = schedule, Policy = s_daily, Host = host }, new PostgresRetrainRunStore(database.DataSource), new PostgresRetrainLeaderLock(database.DataSource),
        work, time, NullLogger<RetrainService>.Instance, new PostgresRetrainRequests(database.DataSource));

    private static RetrainOutcome Outcome(string version) =>
        new(version, 0.6, 0.35, System.Collections.Immutable.ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, [new KeyValuePair<string, double>("ai1_auc", 0.57)]));

    // The server notices a terminated session at once, but give it a bounded moment.
    private static async Task<IAsyncDisposable> AcquireWithinAsync(PostgresRetrainLeaderLock locks, string schedule)
    {
        for (int i = 0; i < 100; i++)
        {
            if (await locks.TryAcquireAsync(schedule, default) is { } lease)
            {
                return lease;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException("The lock was not freed within 5 s of its session's end.");
    }
}
