using System.Collections.Immutable;
using Alpha.Retraining;

namespace Alpha.Retraining.Tests;

public sealed class JsonLinesRetrainRunStoreTests : IDisposable
{
    private static readonly DateTimeOffset s_at = new(2026, 12, 8, 2, 0, 0, TimeSpan.Zero);
    private readonly string _folder = Directory.CreateTempSubdirectory("alpha-runs-").FullName;

    private string File => Path.Combine(_folder, "retrain_runs.jsonl");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task ARun_StartsOnce_AndItsUpdatesAreItsState()
    {
        var store = new JsonLinesRetrainRunStore(File);
        RetrainRun run = Run(s_at);

        bool first = await store.TryStartAsync(run, default);
        bool second = await new JsonLinesRetrainRunStore(File).TryStartAsync(run with { Host = "other" }, default);
        await store.UpdateAsync(run with { Status = RetrainRunStatus.Success, EndedAt = s_at.AddMinutes(12), Outcome = Outcome("20261208_0212_abc1234") }, default);

        Assert.Equal((true, false), (first, second));
        RetrainRun stored = Assert.Single(await store.RecentAsync("audnzd-h4", 10, default));
        Assert.Equal((RetrainRunStatus.Success, "host-a", run.RunId), (stored.Status, stored.Host, stored.RunId));
        Assert.Equal(Outcome("20261208_0212_abc1234").Metrics, stored.Outcome!.Metrics);
        Assert.Equal(("20261208_0212_abc1234", 0.61, 0.35), (stored.Outcome.Version, stored.Outcome.Theta1, stored.Outcome.Theta2));
        Assert.Equal(s_at.AddMinutes(12), stored.EndedAt);
        Assert.Equal(2, System.IO.File.ReadAllLines(File).Length);
    }

    [Fact]
    public async Task ConcurrentStarts_OfOneRun_OneWins()
    {
        RetrainRun run = Run(s_at);

        bool[] started = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => new JsonLinesRetrainRunStore(File).TryStartAsync(run with { Host = $"host-{i}" }, default).AsTask()));

        Assert.Equal(1, started.Count(s => s));
        Assert.Single(System.IO.File.ReadAllLines(File));
    }

    [Fact]
    public async Task ATornLastLine_IsIgnored_AndCutAtTheNextWrite()
    {
        var store = new JsonLinesRetrainRunStore(File);
        await store.TryStartAsync(Run(s_at), default);
        await System.IO.File.AppendAllTextAsync(File, "{\"schedule_id\":\"audnzd-h4\",\"sched");      // a crash mid-write

        bool started = await store.TryStartAsync(Run(s_at.AddDays(1)), default);
        ImmutableArray<RetrainRun> runs = await store.RecentAsync("audnzd-h4", 10, default);

        Assert.True(started);
        Assert.Equal([s_at.AddDays(1), s_at], runs.Select(r => r.ScheduledFor));
        Assert.Equal(2, System.IO.File.ReadAllLines(File).Length);
    }

    [Fact]
    public async Task ACorruptLine_BeforeTheLast_IsAnError_NamingIt()
    {
        await System.IO.File.WriteAllTextAsync(File, "not json\n{}\n");

        InvalidDataException e = await Assert.ThrowsAsync<InvalidDataException>(() => new JsonLinesRetrainRunStore(File).RecentAsync("audnzd-h4", 10, default).AsTask());

        Assert.Contains("line 1 is not a run record", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UpdatingAnUnknownRun_IsRefused() =>
        await Assert.ThrowsAsync<InvalidOperationException>(() => new JsonLinesRetrainRunStore(File).UpdateAsync(Run(s_at), default).AsTask());

    private static RetrainRun Run(DateTimeOffset scheduledFor) =>
        new(Guid.CreateVersion7(scheduledFor), "audnzd-h4", scheduledFor, RetrainTrigger.Scheduled, "retrain_cron '0 2 * * *'", RetrainRunStatus.Running, 1, "host-a",
            scheduledFor.AddSeconds(3), scheduledFor.AddSeconds(3), null, null, null, null);

    private static RetrainOutcome Outcome(string version) =>
        new(version, 0.61, 0.35, ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, [new KeyValuePair<string, double>("ai1_auc", 0.5731), new("theta_trials", 48)]));
}
