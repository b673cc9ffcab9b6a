using System.Collections.Immutable;
using Alpha.Retraining;
using Alpha.Storage.Postgres;

namespace Alpha.Storage.Postgres.Tests;

/// <summary>audit.retrain_runs on a real server: hosts racing to start one run — exactly one wins; updates are the run's state.</summary>
public sealed class RetrainRunStoreTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    private static readonly DateTimeOffset s_at = new(2026, 12, 8, 2, 0, 0, TimeSpan.Zero);

    [PostgresFact]
    public async Task HostsRacing_ToStartOneRun_ExactlyOneWins()
    {
        RetrainRun run = Run("race", s_at);

        bool[] started = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => new PostgresRetrainRunStore(database.DataSource).TryStartAsync(run with { Host = $"host-{i}" }, default).AsTask()));

        Assert.Equal(1, started.Count(s => s));
        RetrainRun stored = Assert.Single(await new PostgresRetrainRunStore(database.DataSource).RecentAsync("race", 10, default));
        Assert.Equal(started.ToList().IndexOf(true), int.Parse(stored.Host["host-".Length..], System.Globalization.CultureInfo.InvariantCulture));
    }

    [PostgresFact]
    public async Task Updates_AreTheRunsState_AndRecentIsNewestFirst()
    {
        var store = new PostgresRetrainRunStore(database.DataSource);
        await store.TryStartAsync(Run("states", s_at), default);
        await store.TryStartAsync(Run("states", s_at.AddDays(1)), default);

        await store.UpdateAsync(Run("states", s_at) with { Status = RetrainRunStatus.Failed, Attempts = 3, EndedAt = s_at.AddHours(1), Error = "CORE_RETRAIN_HEARTBEAT: no heartbeat for 180 s" }, default);
        RetrainOutcome outcome = new("20261209_0212_abc1234", 0.6125, 0.3375, ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, [new KeyValuePair<string, double>("ai1_auc", 0.5731), new("theta_trials", 48)]));
        await store.UpdateAsync(Run("states", s_at.AddDays(1)) with { Status = RetrainRunStatus.Success, EndedAt = s_at.AddDays(1).AddMinutes(9), Outcome = outcome, LogPath = "/var/log/alpha/states.log" }, default);
        RetrainRun[] runs = [.. await store.RecentAsync("states", 10, default)];

        Assert.Equal([s_at.AddDays(1), s_at], runs.Select(r => r.ScheduledFor));
        Assert.Equal((RetrainRunStatus.Failed, 3, 2, "CORE_RETRAIN_HEARTBEAT: no heartbeat for 180 s"), (runs[1].Status, runs[1].Attempts, runs[1].RetryCount, runs[1].Error));
        Assert.Equal(s_at.AddHours(1), runs[1].EndedAt);
        Assert.Null(runs[1].Outcome);
        Assert.Equal((outcome.Version, outcome.Theta1, outcome.Theta2, "/var/log/alpha/states.log"), (runs[0].Outcome!.Version, runs[0].Outcome!.Theta1, runs[0].Outcome!.Theta2, runs[0].LogPath));
        Assert.Equal(outcome.Metrics, runs[0].Outcome!.Metrics);
        await Assert.ThrowsAsync<InvalidOperationException>(() => store.UpdateAsync(Run("states", s_at.AddDays(9)), default).AsTask());
    }

    private static RetrainRun Run(string schedule, DateTimeOffset scheduledFor) =>
        new(Guid.CreateVersion7(scheduledFor), schedule, scheduledFor, RetrainTrigger.Scheduled, "retrain_cron '0 2 * * *'", RetrainRunStatus.Running, 1, "host-a", scheduledFor, scheduledFor, null, null, null, null);
}
