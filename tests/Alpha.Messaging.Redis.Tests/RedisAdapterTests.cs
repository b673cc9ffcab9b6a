using System.Collections.Immutable;
using Alpha.Inference;
using Alpha.MarketData;
using Alpha.Messaging.Redis;
using Alpha.Signals;
using StackExchange.Redis;

namespace Alpha.Messaging.Redis.Tests;

public sealed class RedisAdapterTests
{
    private static readonly TimeSpan s_hour = TimeSpan.FromHours(1);

    [RedisFact]
    public async Task SignalTarget_DeliversEachSignalOnce_KeepsTheNewestAsLatest_AndNotifies()
    {
        using ConnectionMultiplexer redis = await ConnectionMultiplexer.ConnectAsync(TestEnvironment.RedisConfiguration);
        var keys = new RedisKeys($"test:{Guid.NewGuid():N}:");
        var target = new RedisSignalTarget(redis, keys);
        Signal older = SampleSignals.Entry;
        Signal newer = SampleSignals.Create(older.ModelId, older.PairId, older.Timestamp.AddHours(4), older.ModelVersion, SignalAction.Exit, older.Legs, 0.4, older.ReturnProb, older.RiskScore, 1);
        var notified = new List<string>();
        await redis.GetSubscriber().SubscribeAsync(keys.SignalNotify, (_, id) => { lock (notified) { notified.Add(id.ToString()); } });

        await target.DeliverAsync([Entry(1, older, newer)], CancellationToken.None);
        await target.DeliverAsync([Entry(1, older, newer), Entry(2, older)], CancellationToken.None);   // redelivered, and out of order

        IDatabase db = redis.GetDatabase();
        StreamEntry[] stream = await db.StreamRangeAsync(keys.Signals);
        Assert.Equal([older.Id, newer.Id], stream.Select(e => e["id"].ToString()));
        Assert.Equal(2, target.Delivered);
        Assert.Equal(3, target.Duplicates);
        string latest = (await db.HashGetAsync(keys.LatestSignals, $"{older.ModelId}|{older.PairId}")).ToString();
        Assert.Equal(newer.Id, SignalJson.Parse(System.Text.Encoding.UTF8.GetBytes(latest)).Id);
        Assert.True(await db.KeyTimeToLiveAsync(keys.Guard(older.Id)) > TimeSpan.FromDays(29));
        await WaitUntil(() => { lock (notified) { return notified.Count == 2; } });
        lock (notified)
        {
            // Each delivered signal is notified once; the client may run pub/sub handlers concurrently, so their order is
            // not the stream's (the notification is a nudge, the stream the truth — its order is asserted above).
            Assert.Equal(new[] { older.Id, newer.Id }.Order(StringComparer.Ordinal), notified.Order(StringComparer.Ordinal));
        }
    }

    [RedisFact]
    public async Task BarSource_ReadsEachStreamInOrder_AndDeadLettersWhatIsNotABar()
    {
        using ConnectionMultiplexer redis = await ConnectionMultiplexer.ConnectAsync(TestEnvironment.RedisConfiguration);
        var keys = new RedisKeys($"test:{Guid.NewGuid():N}:");
        var feed = new RedisBarFeed(redis, keys);
        var t = new DateTime(2026, 12, 7, 0, 0, 0, DateTimeKind.Utc);
        await feed.PublishAsync("B", s_hour, Bar(t, 2));
        await feed.PublishAsync("A", s_hour, Bar(t, 1));
        string bad = await feed.PublishRawAsync("A", s_hour, [new("time", "2026-12-07T01:00:00Z"), new("close", "1")]);
        await feed.PublishAsync("A", s_hour, Bar(t + s_hour, 1.1));
        await feed.PublishAsync("B", s_hour, Bar(t + s_hour, 2.1));
        await using var source = new RedisBarSource(redis, new RedisBarSourceOptions { Streams = [("A", s_hour), ("B", s_hour)], Keys = keys }, TimeProvider.System);

        var bars = new List<SourcedBar>();
        Assert.True(await source.ReadAsync(bars, CancellationToken.None));

        // Each stream in its order; across streams by id (the arrival millisecond), ties in the order the streams are listed.
        Assert.Equal([1.0, 1.1], bars.Where(b => b.Symbol == "A").Select(b => b.Bar.Close));
        Assert.Equal([2.0, 2.1], bars.Where(b => b.Symbol == "B").Select(b => b.Bar.Close));
        Assert.Equal(4, bars.Count);
        Assert.All(bars, b => Assert.Equal(s_hour, b.Timeframe));
        StreamEntry letter = Assert.Single(await redis.GetDatabase().StreamRangeAsync(keys.DeadLetters));
        Assert.Equal(bad, letter["id"].ToString());
        Assert.Equal("field 'open' is missing", letter["problem"].ToString());
        Assert.Equal("1", letter["field:close"].ToString());
        Assert.Equal(1, source.DeadLettered);

        bars.Clear();
        Assert.True(await source.ReadAsync(bars, CancellationToken.None));         // nothing new: waits a poll, returns none
        Assert.Empty(bars);
    }

    [RedisFact]
    public async Task BarSource_WhileRedisRefusesConnections_ReturnsNothing_ThenReadsOn()
    {
        (string host, int port) = TestEnvironment.RedisEndpoint;
        using var proxy = new TcpProxy(host, port);
        ConfigurationOptions options = ConfigurationOptions.Parse($"127.0.0.1:{proxy.Port}");
        (options.AbortOnConnectFail, options.ConnectTimeout, options.AsyncTimeout, options.SyncTimeout) = (false, 500, 1000, 1000);
        using ConnectionMultiplexer redis = await ConnectionMultiplexer.ConnectAsync(options);
        using ConnectionMultiplexer direct = await ConnectionMultiplexer.ConnectAsync(TestEnvironment.RedisConfiguration);
        var keys = new RedisKeys($"test:{Guid.NewGuid():N}:");
        await using var source = new RedisBarSource(redis, new RedisBarSourceOptions { Streams = [("A", s_hour)], Keys = keys }, TimeProvider.System);
        proxy.Stop();
        await new RedisBarFeed(direct, keys).PublishAsync("A", s_hour, Bar(new DateTime(2026, 12, 7, 0, 0, 0, DateTimeKind.Utc), 1));

        var bars = new List<SourcedBar>();
        for (int i = 0; i < 3; i++)
        {
            Assert.True(await source.ReadAsync(bars, CancellationToken.None));
        }

        Assert.Empty(bars);
        proxy.Start();
        await WaitUntilAsync(async () => await source.ReadAsync(bars, CancellationToken.None) && bars.Count == 1);
        Assert.Equal(1.0, Assert.Single(bars).Bar.Close);
    }

    [RedisFact]
    public async Task OpsFlagStore_RoundTrips_IsNullWhenEmpty_AndNamesAMalformedField()
    {
        using ConnectionMultiplexer redis = await ConnectionMultiplexer.ConnectAsync(TestEnvironment.RedisConfiguration);
        var keys = new RedisKeys($"test:{Guid.NewGuid():N}:");
        var store = new RedisOpsFlagStore(redis, keys);
        Assert.Null(await store.ReadAsync(CancellationToken.None));

        var table = new OpsFlagTable([new(("audnzd-h4", "*"), new OpsFlags(true, false, false, 1)), new(("*", "*"), new OpsFlags(false, false, false, 0.5))]);
        await store.WriteAsync(table, "ops", CancellationToken.None);
        OpsFlagTable read = (await store.ReadAsync(CancellationToken.None))!;
        Assert.Equal(table.Entries, read.Entries);

        await redis.GetDatabase().HashSetAsync(keys.OpsFlags, "broken", "{}");
        InvalidDataException e = await Assert.ThrowsAsync<InvalidDataException>(async () => await store.ReadAsync(CancellationToken.None));
        Assert.Contains("field 'broken'", e.Message, StringComparison.Ordinal);
    }

    [RedisFact]
    public async Task OpsFlagStore_Raise_CombinesOneEntryTheMostRestrictiveWay_AndLeavesTheOthers()
    {
        using ConnectionMultiplexer redis = await ConnectionMultiplexer.ConnectAsync(TestEnvironment.RedisConfiguration);
        var keys = new RedisKeys($"test:{Guid.NewGuid():N}:");
        var store = new RedisOpsFlagStore(redis, keys);
        await store.WriteAsync(new OpsFlagTable([new(("m", "P"), new OpsFlags(false, false, false, 0.5)), new(("n", "*"), OpsFlags.FailSafe)]), "ops", CancellationToken.None);

        await store.RaiseAsync("m", "P", new OpsFlags(true, false, false, 0.75), "dd_policy", CancellationToken.None);
        await store.RaiseAsync("*", "*", new OpsFlags(false, false, true, 0.3), "dd_policy", CancellationToken.None);
        await store.RaiseAsync("m", "P", OpsFlags.Normal, "dd_policy", CancellationToken.None);

        OpsFlagTable read = (await store.ReadAsync(CancellationToken.None))!;
        Assert.Equal(new OpsFlags(true, false, false, 0.5), read.Entries[("m", "P")]);
        Assert.Equal(new OpsFlags(false, false, true, 0.3), read.Entries[("*", "*")]);
        Assert.Equal(OpsFlags.FailSafe, read.Entries[("n", "*")]);
        await Assert.ThrowsAsync<ArgumentException>(async () => await store.RaiseAsync("m", "P", OpsFlags.Normal with { LeverageScale = 2 }, "x", CancellationToken.None));
    }

    [RedisFact]
    public async Task OpsFlagStore_Reset_ClearsEveryEntryWithinTheScope_KeepsTheScale_AsTheTableDoes()
    {
        using ConnectionMultiplexer redis = await ConnectionMultiplexer.ConnectAsync(TestEnvironment.RedisConfiguration);
        var store = new RedisOpsFlagStore(redis, new RedisKeys($"test:{Guid.NewGuid():N}:"));
        var halt = OpsFlags.Normal with { SoftHalt = true };
        var table = new OpsFlagTable([new(("m", "P"), halt), new(("m", "Q"), halt), new(("m", "*"), halt), new(("*", "P"), halt), new(("n", "*"), halt), new(("*", "*"), halt)]);
        await store.WriteAsync(table, "ops", CancellationToken.None);

        await store.ResetAsync("m", "*", OpsFlags.Normal, "ops.resume", CancellationToken.None);
        OpsFlagTable afterModel = (await store.ReadAsync(CancellationToken.None))!;
        await store.ResetAsync("*", "*", OpsFlags.Normal with { LeverageScale = 0.2 }, "ops.resume", CancellationToken.None);
        OpsFlagTable afterAll = (await store.ReadAsync(CancellationToken.None))!;

        Assert.Equal([("*", "*"), ("*", "P"), ("n", "*")], afterModel.Entries.Keys);
        Assert.Equal(table.Reset("m", "*", OpsFlags.Normal).Entries, afterModel.Entries);
        Assert.Equal(OpsFlags.Normal with { LeverageScale = 0.2 }, Assert.Single(afterAll.Entries).Value);
        await store.ResetAsync("*", "*", OpsFlags.Normal, "ops.resume", CancellationToken.None);
        Assert.Null(await store.ReadAsync(CancellationToken.None));     // nothing in force: the hash is gone
    }

    [RedisFact]
    public async Task ShardLease_OneOwnerAtATime_ExtendedAndReleasedByItsOwnerOnly_FreeOnceExpired()
    {
        using ConnectionMultiplexer redis = await ConnectionMultiplexer.ConnectAsync(TestEnvironment.RedisConfiguration);
        var keys = new RedisKeys($"test:{Guid.NewGuid():N}:");
        var a = new RedisShardLease(redis, keys, "fx", "host-a:1", TimeSpan.FromMilliseconds(600));
        var b = new RedisShardLease(redis, keys, "fx", "host-b:2", TimeSpan.FromMilliseconds(600));

        Assert.True(await a.HoldAsync(CancellationToken.None));
        Assert.False(await b.HoldAsync(CancellationToken.None));
        await b.ReleaseAsync(CancellationToken.None);                       // not its lease: nothing happens
        Assert.Equal("host-a:1", await a.OwnerAsync());
        for (int i = 0; i < 4; i++)
        {
            await Task.Delay(250);
            Assert.True(await a.HoldAsync(CancellationToken.None));         // extended past its first 600 ms
        }

        Assert.False(await b.HoldAsync(CancellationToken.None));
        await a.ReleaseAsync(CancellationToken.None);
        Assert.True(await b.HoldAsync(CancellationToken.None));
        DateTime deadline = DateTime.UtcNow.AddSeconds(10);
        while (await b.OwnerAsync() is not null && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);                                           // b stops extending: it expires
        }

        Assert.True(await a.HoldAsync(CancellationToken.None));
        Assert.Equal("host-a:1", await a.OwnerAsync());
    }

    [RedisFact]
    public async Task SignalTarget_StoresEachEnginesCheckpointAfterItsSignals_OnlyForward_AndTheStoreReadsThemBack()
    {
        using ConnectionMultiplexer redis = await ConnectionMultiplexer.ConnectAsync(TestEnvironment.RedisConfiguration);
        var keys = new RedisKeys($"test:{Guid.NewGuid():N}:");
        var target = new RedisSignalTarget(redis, keys);
        EngineCheckpoint earlier = SampleCheckpoints.At("2023-09-11T04:00:00Z", 25832), later = SampleCheckpoints.At("2023-09-11T08:00:00Z", 25833);

        await target.DeliverAsync([Entry(1, [earlier], SampleSignals.Entry), Entry(2, [later])], CancellationToken.None);
        await target.DeliverAsync([Entry(1, [earlier])], CancellationToken.None);                               // redelivered: stays forward

        EngineCheckpoint read = Assert.Single(await new RedisCheckpointStore(redis, keys).ReadAsync(CancellationToken.None));
        Assert.Equal(later.Watermark, read.Watermark);
        Assert.Equal(CheckpointJson.Serialize(later), CheckpointJson.Serialize(read));
        Assert.Empty(await new RedisCheckpointStore(redis, new RedisKeys($"test:{Guid.NewGuid():N}:")).ReadAsync(CancellationToken.None));
    }

    [RedisFact]
    public async Task Heartbeat_IsAKeyThatExpires()
    {
        using ConnectionMultiplexer redis = await ConnectionMultiplexer.ConnectAsync(TestEnvironment.RedisConfiguration);
        var keys = new RedisKeys($"test:{Guid.NewGuid():N}:");
        var beat = new Heartbeat("host-1", "worker", new DateTimeOffset(2026, 12, 7, 8, 0, 0, TimeSpan.Zero), 3, 1200, 7, 0);

        await new RedisHeartbeatSink(redis, keys).BeatAsync(beat, TimeSpan.FromSeconds(30), CancellationToken.None);

        IDatabase db = redis.GetDatabase();
        Assert.Equal("{\"at\":\"2026-12-07T08:00:00.000Z\",\"engines\":3,\"bars_received\":1200,\"signals_emitted\":7,\"outbox_pending\":0}", (string?)await db.StringGetAsync(keys.Heartbeat("worker", "host-1")));
        Assert.InRange((await db.KeyTimeToLiveAsync(keys.Heartbeat("worker", "host-1")))!.Value, TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(30));
    }

    private static OutboxEntry Entry(long sequence, EngineCheckpoint[] checkpoints, params Signal[] signals)
    {
        OutboxEntry entry = Entry(sequence, signals);
        foreach (EngineCheckpoint c in checkpoints)
        {
            entry.Batch.Checkpoints.Add(c);
        }

        return entry;
    }

    private static OutboxEntry Entry(long sequence, params Signal[] signals)
    {
        var batch = new OutboxBatch();
        foreach (Signal s in signals)
        {
            batch.Signals.Add(s);
        }

        return new OutboxEntry(sequence, batch);
    }

    private static Bar Bar(DateTime time, double close) => new(time, close, close, close, close, 0);

    private static async Task WaitUntil(Func<bool> condition) => await WaitUntilAsync(() => Task.FromResult(condition()));

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        for (int i = 0; i < 300 && !await condition(); i++)
        {
            await Task.Delay(100);
        }

        Assert.True(await condition(), "the condition held within 30 s");
    }
}
