using Alpha.Inference;
using Alpha.Signals;
using Alpha.Storage.Postgres;

namespace Alpha.Storage.Postgres.Tests;

/// <summary>The worker's durable stores on a real server: checkpoints only move forward and read back; a raise only ever restricts more.</summary>
public sealed class WorkerStoreTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    [PostgresFact]
    public async Task Checkpoints_DeliveredOnlyForward_ReadBackAsStored()
    {
        var target = new PostgresWorkerTarget(database.DataSource);
        EngineCheckpoint earlier = SampleCheckpoints.At("2023-09-11T04:00:00Z", 25832), later = SampleCheckpoints.At("2023-09-11T08:00:00Z", 25833);

        await target.DeliverAsync([Entry(1, later)], CancellationToken.None);
        await target.DeliverAsync([Entry(2, earlier)], CancellationToken.None);     // an old owner's outbox, relayed late

        EngineCheckpoint read = Assert.Single(await new PostgresCheckpointStore(database.DataSource).ReadAsync(CancellationToken.None));
        Assert.Equal(CheckpointJson.Serialize(later), CheckpointJson.Serialize(read));

        await database.ExecuteAsync("UPDATE core.pair_checkpoints SET checkpoint = '{\"model_id\":1}'::jsonb");
        InvalidDataException bad = await Assert.ThrowsAsync<InvalidDataException>(async () => await new PostgresCheckpointStore(database.DataSource).ReadAsync(CancellationToken.None));
        Assert.Contains("(audnzd-h4, AUDUSD-NZDUSD)", bad.Message, StringComparison.Ordinal);
        await database.ExecuteAsync("DELETE FROM core.pair_checkpoints");
    }

    [PostgresFact]
    public async Task OpsFlags_Raise_CombinesOneEntry_RecordsWhoRaisedIt_LeavesTheOthers()
    {
        var store = new PostgresOpsFlagStore(database.DataSource);
        await store.WriteAsync(new OpsFlagTable([new(("m", "P"), new OpsFlags(false, false, false, 0.5)), new(("n", "*"), OpsFlags.FailSafe)]), "ops", CancellationToken.None);

        await store.RaiseAsync("m", "P", new OpsFlags(true, false, false, 0.75), "dd_policy: pair drawdown", CancellationToken.None);
        await store.RaiseAsync("*", "*", new OpsFlags(false, false, true, 0.3), "dd_policy: global drawdown", CancellationToken.None);

        OpsFlagTable read = (await store.ReadAsync(CancellationToken.None))!;
        Assert.Equal(new OpsFlags(true, false, false, 0.5), read.Entries[("m", "P")]);
        Assert.Equal(new OpsFlags(false, false, true, 0.3), read.Entries[("*", "*")]);
        Assert.Equal(OpsFlags.FailSafe, read.Entries[("n", "*")]);
        await using Npgsql.NpgsqlCommand who = database.DataSource.CreateCommand("SELECT updated_by FROM core.ops_flags WHERE model_id = 'm'");
        Assert.Equal("dd_policy: pair drawdown", await who.ExecuteScalarAsync());
    }

    [PostgresFact]
    public async Task OpsFlags_Reset_ClearsEveryEntryWithinTheScope_KeepsTheScale_AsTheTableDoes()
    {
        var store = new PostgresOpsFlagStore(database.DataSource);
        var halt = OpsFlags.Normal with { SoftHalt = true };
        var table = new OpsFlagTable([new(("m", "P"), halt), new(("m", "Q"), halt), new(("m", "*"), halt), new(("*", "P"), halt), new(("n", "*"), halt), new(("*", "*"), halt)]);
        await store.WriteAsync(table, "ops", CancellationToken.None);

        await store.ResetAsync("m", "*", OpsFlags.Normal, "ops.resume by a and b", CancellationToken.None);
        OpsFlagTable afterModel = (await store.ReadAsync(CancellationToken.None))!;
        await store.ResetAsync("*", "*", OpsFlags.Normal with { LeverageScale = 0.2 }, "ops.resume by a and b", CancellationToken.None);
        OpsFlagTable afterAll = (await store.ReadAsync(CancellationToken.None))!;

        Assert.Equal(table.Reset("m", "*", OpsFlags.Normal).Entries, afterModel.Entries);
        Assert.Equal(3, afterModel.Entries.Count);
        Assert.Equal(OpsFlags.Normal with { LeverageScale = 0.2 }, Assert.Single(afterAll.Entries).Value);
        await using Npgsql.NpgsqlCommand who = database.DataSource.CreateCommand("SELECT updated_by FROM core.ops_flags");
        Assert.Equal("ops.resume by a and b", await who.ExecuteScalarAsync());
        await database.ExecuteAsync("DELETE FROM core.ops_flags");
    }

    private static OutboxEntry Entry(long sequence, EngineCheckpoint checkpoint)
    {
        var batch = new OutboxBatch();
        batch.Checkpoints.Add(checkpoint);
        return new OutboxEntry(sequence, batch);
    }
}
