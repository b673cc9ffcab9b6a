using System.Text;
using Alpha.Inference;
using Alpha.MarketData;
using Alpha.Signals;
using Alpha.Storage.Sqlite;
using Alpha.Training;

namespace Alpha.Inference.Tests;

/// <summary>
/// The worker loop (bar source → engines → outbox → relay) with the embedded adapters: a replay of a pair equals the
/// engine's own replay; a restart resumes from the outbox's checkpoints without deciding twice; a refused bar is
/// counted and the loop goes on; a target that fails is retried while the others deliver.
/// </summary>
public sealed class WorkerLoopTests(TrainedVersion version) : IClassFixture<TrainedVersion>
{
    private static readonly TimeSpan s_fourHours = TimeSpan.FromHours(4);
    // The catalogue entry of TrainedVersion trades legs named A and B.
    private static readonly Lazy<(BarSeries A, BarSeries B)> s_pair = new(() =>
    {
        (BarSeries a, BarSeries b) = SyntheticPair.Generate(new SyntheticPairOptions { Seed = 21, Bars = 3_000 });
        return (Truncate(a, a.Count, "A"), Truncate(b, b.Count, "B"));
    });
    private static readonly WorkerOptions s_options = new() { ExpireStaleBars = false, RetryDelay = TimeSpan.FromMilliseconds(10), MaxRetryDelay = TimeSpan.FromMilliseconds(50) };

    [Fact]
    public async Task Replay_ThroughTheWorker_WritesTheEnginesSignals_AndARestartWritesNothingTwice()
    {
        (BarSeries a, BarSeries b) = s_pair.Value;
        string[] expected = Json(PairReplay.Run(version.Engine(0.5, 0.9), a, b));
        Assert.NotEmpty(expected);
        string folder = Directory.CreateTempSubdirectory("alpha-worker-loop-").FullName;
        string output = Path.Combine(folder, "signals.jsonl"), outboxPath = Path.Combine(folder, "outbox.db");

        // Stopped after the first 2,500 bars, then restarted over the whole history.
        await RunAsync(outboxPath, output, Truncate(a, 1_250), Truncate(b, 1_250));
        await RunAsync(outboxPath, output, a, b);

        Assert.Equal(expected, File.ReadAllLines(output));
        using SqliteOutbox outbox = SqliteOutbox.Open(outboxPath, ["jsonl"]);
        Assert.Equal(0, await outbox.CountPendingAsync("jsonl", CancellationToken.None));
        Assert.Equal(a.Time[^1], Assert.Single(await outbox.ReadCheckpointsAsync(CancellationToken.None)).Watermark);
    }

    [Fact]
    public async Task ABarOutOfOrder_IsRefused_AndTheLoopGoesOn()
    {
        (BarSeries a, BarSeries b) = s_pair.Value;
        BarSeries late = BarSeries.FromBars("A", [a[10]]);
        var source = new ReplayBarSource([(Truncate(a, 100), s_fourHours), (Truncate(b, 100), s_fourHours), (late, s_fourHours)]);
        string folder = Directory.CreateTempSubdirectory("alpha-worker-order-").FullName;
        using var target = new JsonLinesSignalTarget(Path.Combine(folder, "signals.jsonl"));
        using SqliteOutbox outbox = SqliteOutbox.Open(Path.Combine(folder, "outbox.db"), [target.Name]);
        PairEngine engine = version.Engine(0.5, 0.9);
        var worker = new InferenceWorker([engine], source, outbox, new OutboxRelay(outbox, [target], s_options, TimeProvider.System), s_options, TimeProvider.System, null, null);

        Assert.True(await worker.RunAsync(CancellationToken.None));

        Assert.Equal(201, worker.BarsReceived);
        Assert.Equal(99, engine.WatermarkIndex);       // the late bar changed nothing
    }

    [Fact]
    public async Task AFailingTarget_IsRetried_WhileTheOthersDeliver()
    {
        string folder = Directory.CreateTempSubdirectory("alpha-worker-retry-").FullName;
        var flaky = new FlakyTarget(failures: 3);
        using var file = new JsonLinesSignalTarget(Path.Combine(folder, "signals.jsonl"));
        using SqliteOutbox outbox = SqliteOutbox.Open(Path.Combine(folder, "outbox.db"), [flaky.Name, file.Name]);
        var batch = new OutboxBatch();
        batch.Signals.Add(SampleSignals.Entry);
        await outbox.AppendAsync(batch, CancellationToken.None);
        var relay = new OutboxRelay(outbox, [flaky, file], s_options, TimeProvider.System);

        Assert.True(await relay.DrainAsync(CancellationToken.None));

        Assert.Equal(4, flaky.Attempts);
        Assert.Equal([SampleSignals.Entry.Id], flaky.Delivered);
        Assert.Single(File.ReadAllLines(file.Path));
        Assert.Equal(0, relay.Pending[flaky.Name]);
    }

    [Fact]
    public async Task JsonLinesTarget_CutsATornLine_NeverWritesAnIdTwice_NorLosesOneToCancellation()
    {
        string path = Path.Combine(Directory.CreateTempSubdirectory("alpha-jsonl-").FullName, "signals.jsonl");
        Signal second = SampleSignals.Create("m", "A-B", SampleSignals.Entry.Timestamp.AddHours(4), SampleSignals.Entry.ModelVersion, SignalAction.Exit, SampleSignals.Entry.Legs, 0.3, 0.8, 0.1, 1);
        string first = Encoding.UTF8.GetString(SignalJson.Serialize(SampleSignals.Entry));
        File.WriteAllText(path, first + "\n" + Encoding.UTF8.GetString(SignalJson.Serialize(second))[..40]);     // a crash mid-write

        using (var target = new JsonLinesSignalTarget(path))
        {
            var batch = new OutboxBatch();
            batch.Signals.Add(SampleSignals.Entry);
            batch.Signals.Add(second);
            using var cancelled = new CancellationTokenSource();
            await cancelled.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await target.DeliverAsync([new OutboxEntry(1, batch)], cancelled.Token));   // a relay stopped mid-delivery
            await target.DeliverAsync([new OutboxEntry(1, batch)], CancellationToken.None);
            await target.DeliverAsync([new OutboxEntry(1, batch)], CancellationToken.None);
        }

        Assert.Equal([first, Encoding.UTF8.GetString(SignalJson.Serialize(second))], File.ReadAllLines(path));
    }

    [Fact]
    public async Task ReplaySource_MergesInTimeOrder_TiesInTheOrderGiven_InBatches()
    {
        var t = new DateTime(2026, 12, 7, 0, 0, 0, DateTimeKind.Utc);
        BarSeries a = BarSeries.FromBars("A", [new Bar(t, 1, 1, 1, 1, 0), new Bar(t.AddHours(2), 1, 1, 1, 1, 0)]);
        BarSeries b = BarSeries.FromBars("B", [new Bar(t, 2, 2, 2, 2, 0), new Bar(t.AddHours(1), 2, 2, 2, 2, 0), new Bar(t.AddHours(2), 2, 2, 2, 2, 0)]);
        var source = new ReplayBarSource([(a, TimeSpan.FromHours(1)), (b, TimeSpan.FromHours(1))], batchSize: 2);
        var bars = new List<SourcedBar>();

        Assert.True(await source.ReadAsync(bars, CancellationToken.None));
        Assert.True(await source.ReadAsync(bars, CancellationToken.None));
        Assert.False(await source.ReadAsync(bars, CancellationToken.None));

        Assert.Equal([("A", 0), ("B", 0), ("B", 1), ("A", 2), ("B", 2)], bars.Select(x => (x.Symbol, (int)(x.Bar.Time - t).TotalHours)));
    }

    [Fact]
    public void OutboxJson_RefusesWhatIsNotABatch()
    {
        Assert.Throws<InvalidDataException>(() => OutboxJson.Parse("{\"bars\":[]}"u8));
        Assert.Throws<InvalidDataException>(() => OutboxJson.Parse("not json"u8));
        Assert.Throws<InvalidDataException>(() => OutboxJson.Parse("{\"bars\":[{\"symbol\":1}],\"signals\":[],\"scores\":[],\"checkpoints\":[]}"u8));
    }

    [Fact]
    public async Task Wakeup_ReturnsAtOnceWhenSet_ElseAfterTheTimeout()
    {
        var wakeup = new Wakeup(TimeProvider.System);
        wakeup.Set();
        Assert.True(await wakeup.WaitAsync(TimeSpan.FromSeconds(30), CancellationToken.None));
        Assert.False(await wakeup.WaitAsync(TimeSpan.FromMilliseconds(20), CancellationToken.None));
        using var cancel = new CancellationTokenSource();
        Task<bool> waiting = wakeup.WaitAsync(TimeSpan.FromSeconds(30), cancel.Token);
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
    }

    private async Task RunAsync(string outboxPath, string output, BarSeries a, BarSeries b)
    {
        using var target = new JsonLinesSignalTarget(output);
        using SqliteOutbox outbox = SqliteOutbox.Open(outboxPath, [target.Name]);
        PairEngine engine = version.Engine(0.5, 0.9);
        if ((await outbox.ReadCheckpointsAsync(CancellationToken.None)).SingleOrDefault() is { } checkpoint)
        {
            engine.Restore(checkpoint);
        }

        var relay = new OutboxRelay(outbox, [target], s_options, TimeProvider.System);
        var worker = new InferenceWorker([engine], new ReplayBarSource([(a, s_fourHours), (b, s_fourHours)]), outbox, relay, s_options, TimeProvider.System, null, null);
        Assert.True(await worker.RunAsync(CancellationToken.None));
    }

    private static BarSeries Truncate(BarSeries s, int n, string? symbol = null) => BarSeries.FromBars(symbol ?? s.Symbol, Enumerable.Range(0, n).Select(i => s[i]));

    private static string[] Json(IEnumerable<Signal> signals) => [.. signals.Select(s => Encoding.UTF8.GetString(SignalJson.Serialize(s)))];

    /// <summary>A target that fails its first deliveries (a server that is down), then keeps what it is given.</summary>
    private sealed class FlakyTarget(int failures) : IRelayTarget
    {
        public string Name => "flaky";

        public int Attempts { get; private set; }

        public List<string> Delivered { get; } = [];

        public ValueTask DeliverAsync(IReadOnlyList<OutboxEntry> entries, CancellationToken cancellationToken)
        {
            if (++Attempts <= failures)
            {
                throw new IOException("connection refused");
            }

            Delivered.AddRange(entries.SelectMany(e => e.Batch.Signals).Select(s => s.Id));
            return ValueTask.CompletedTask;
        }
    }
}
