using Alpha.Inference;
using Alpha.MarketData;
using Alpha.Signals;
using Alpha.Storage.Sqlite;

namespace Alpha.Storage.Sqlite.Tests;

public sealed class SqliteOutboxTests
{
    private static readonly CancellationToken s_none = CancellationToken.None;

    [Fact]
    public async Task Batch_RoundTripsExactly_AndSurvivesReopening()
    {
        string path = NewPath();
        OutboxBatch batch = SampleBatch(1);
        using (SqliteOutbox outbox = SqliteOutbox.Open(path, ["redis"]))
        {
            Assert.Equal(1, await outbox.AppendAsync(batch, s_none));
        }

        using SqliteOutbox reopened = SqliteOutbox.Open(path, ["redis"]);
        OutboxEntry entry = Assert.Single(await reopened.ReadPendingAsync("redis", 10, s_none));
        Assert.Equal(1, entry.Sequence);
        Assert.Equal(OutboxJson.Serialize(batch), OutboxJson.Serialize(entry.Batch));
        Assert.Equal(batch.Bars, entry.Batch.Bars);
        Assert.Equal(batch.Signals.Select(s => s.Id), entry.Batch.Signals.Select(s => s.Id));
        Assert.Equal(batch.Scores[0].Inputs.ToArray(), entry.Batch.Scores[0].Inputs.ToArray());
        EngineCheckpoint checkpoint = Assert.Single(await reopened.ReadCheckpointsAsync(s_none));
        Assert.Equal(CheckpointJson.Serialize(batch.Checkpoints[0]), CheckpointJson.Serialize(checkpoint));
    }

    [Fact]
    public async Task EachTarget_HasItsOwnCursor_AndRowsEveryTargetDeliveredAreDeleted()
    {
        using SqliteOutbox outbox = SqliteOutbox.Open(NewPath(), ["redis", "postgres"]);
        for (int i = 1; i <= 5; i++)
        {
            Assert.Equal(i, await outbox.AppendAsync(SampleBatch(i), s_none));
        }

        IReadOnlyList<OutboxEntry> first = await outbox.ReadPendingAsync("redis", 3, s_none);
        Assert.Equal([1L, 2, 3], first.Select(e => e.Sequence));
        await outbox.MarkDeliveredAsync("redis", 3, s_none);
        await outbox.MarkDeliveredAsync("redis", 2, s_none);                      // never backwards
        Assert.Equal(2, await outbox.CountPendingAsync("redis", s_none));
        Assert.Equal(5, await outbox.CountPendingAsync("postgres", s_none));

        await outbox.MarkDeliveredAsync("postgres", 2, s_none);                   // rows 1 and 2: delivered everywhere
        Assert.Equal([3L, 4, 5], (await outbox.ReadPendingAsync("postgres", 10, s_none)).Select(e => e.Sequence));
        Assert.Equal([4L, 5], (await outbox.ReadPendingAsync("redis", 10, s_none)).Select(e => e.Sequence));
        Assert.Equal(6, await outbox.AppendAsync(SampleBatch(6), s_none));         // sequences are never reused
    }

    [Fact]
    public async Task Checkpoints_KeepTheLatestPerEngine()
    {
        using SqliteOutbox outbox = SqliteOutbox.Open(NewPath(), ["jsonl"]);
        await outbox.AppendAsync(SampleBatch(1), s_none);
        await outbox.AppendAsync(SampleBatch(2), s_none);

        EngineCheckpoint latest = Assert.Single(await outbox.ReadCheckpointsAsync(s_none));
        Assert.Equal(SampleBatch(2).Checkpoints[0].Watermark, latest.Watermark);
    }

    [Fact]
    public async Task Reopened_WithOtherTargets_DropsTheOldCursor_AndANewTargetSeesWhatIsHeld()
    {
        string path = NewPath();
        using (SqliteOutbox outbox = SqliteOutbox.Open(path, ["redis", "postgres"]))
        {
            await outbox.AppendAsync(SampleBatch(1), s_none);
            await outbox.AppendAsync(SampleBatch(2), s_none);
            await outbox.MarkDeliveredAsync("redis", 2, s_none);
        }

        using SqliteOutbox reopened = SqliteOutbox.Open(path, ["redis", "jsonl"]);
        Assert.Equal(2, await reopened.CountPendingAsync("jsonl", s_none));
        await reopened.MarkDeliveredAsync("jsonl", 2, s_none);                     // "postgres" no longer holds rows back
        Assert.Equal(0, await reopened.CountPendingAsync("jsonl", s_none));
        await Assert.ThrowsAsync<ArgumentException>(async () => await reopened.CountPendingAsync("postgres", s_none));
    }

    [Fact]
    public void Open_ASecondTime_IsRefused_WhileTheFirstHoldsIt()
    {
        string path = NewPath();
        using SqliteOutbox first = SqliteOutbox.Open(path, ["redis"]);

        IOException e = Assert.Throws<IOException>(() => SqliteOutbox.Open(path, ["redis"]));
        Assert.Contains("in use by another process", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_AFileThatIsNotAnOutbox_IsAClearError()
    {
        string path = NewPath();
        File.WriteAllText(path, "bars,not,a,database\n" + new string('x', 4096));

        IOException e = Assert.Throws<IOException>(() => SqliteOutbox.Open(path, ["redis"]));
        Assert.Contains("is not an SQLite outbox", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_WithNoTarget_IsRefused() => Assert.Throws<ArgumentException>(() => SqliteOutbox.Open(NewPath(), []));

    private static string NewPath() => Path.Combine(Directory.CreateTempSubdirectory("alpha-outbox-").FullName, "outbox.db");

    // A poll's worth: two bars, an entry signal, a live score and a checkpoint whose watermark moves with n.
    private static OutboxBatch SampleBatch(int n)
    {
        var time = new DateTime(2026, 12, 7, 0, 0, 0, DateTimeKind.Utc).AddHours(4 * n);
        var batch = new OutboxBatch();
        batch.Bars.Add(new SourcedBar("AUDUSD", TimeSpan.FromHours(4), new Bar(time, 0.6612, 0.6630, 0.6601, 0.6625 + (n * 1e-5), 1843)));
        batch.Bars.Add(new SourcedBar("NZDUSD", TimeSpan.FromHours(4), new Bar(time, 0.5812, 0.5830, 0.5801, 0.1 + 0.2, 0)));
        batch.Signals.Add(SampleSignals.Entry);
        batch.Scores.Add(new LiveScore("audnzd-h4", "AUDUSD-NZDUSD", "20261207_1149_bf3d558", time, [0.1, -2.5e-300, 1.0 / 3.0], 0.83, 0.12, Entered: true));
        batch.Checkpoints.Add(new EngineCheckpoint(
            "audnzd-h4", "AUDUSD-NZDUSD", "20261207_1149_bf3d558", time, 100 + n, 0, time.AddDays(-30), 0,
            new PositionState(1_000_000, null, null, null), double.NaN, double.NaN, 1_000_000));
        return batch;
    }
}
