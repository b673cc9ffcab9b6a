using Alpha.Inference;
using Alpha.MarketData;
using Alpha.Messaging.Redis;
using Alpha.Signals;
using Alpha.Storage.Sqlite;
using StackExchange.Redis;

namespace Alpha.Worker.Tests;

[Collection(DeployedPairTests.Name)]
public sealed class RedisWorkerTests(DeployedPair pair)
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromMinutes(3);
    private static readonly TimeSpan s_fourHours = TimeSpan.FromHours(4);

    [RedisSharedDataFact]
    public async Task FedPair_PutsExactlyTheOfflineReplaysSignals_InTheStreamAndPostgres_AndDeadLettersAMalformedBar()
    {
        var keys = new RedisKeys($"test:{Guid.NewGuid():N}:");
        string folder = Directory.CreateTempSubdirectory("alpha-worker-redis-").FullName;
        var database = new TestDatabase();
        await database.InitializeAsync();
        try
        {
            await FedPairAsync(keys, folder, database);
        }
        finally
        {
            await database.DisposeAsync();
        }
    }

    private async Task FedPairAsync(RedisKeys keys, string folder, TestDatabase database)
    {
        // Operator flags kept only in PostgreSQL (as if Redis had lost them): the worker reloads them into Redis.
        await database.ExecuteAsync("INSERT INTO core.ops_flags (model_id, pair_id, soft_halt, updated_by) VALUES ('other-model', '*', true, 'ops')");
        using ConnectionMultiplexer redis = await ConnectionMultiplexer.ConnectAsync(TestEnvironment.RedisConfiguration);
        int metricsPort = FreePort();
        using WorkerProcess worker = WorkerProcess.Start(pair.Environment(
            folder, ("Worker__Mode", "redis"), ("REDIS_URL", "redis://" + TestEnvironment.RedisConfiguration), ("POSTGRES_URL", database.ConnectionString), ("Worker__KeyPrefix", keys.Prefix),
            ("Worker__MetricsPort", metricsPort.ToString(System.Globalization.CultureInfo.InvariantCulture))));

        var feed = new RedisBarFeed(redis, keys);
        string malformed = await FeedAsync(feed, pair.A, pair.B, malformedAfter: 1000);
        IDatabase db = redis.GetDatabase();
        Signal entry = pair.ExpectedSignals[0];
        var fill = new Fill("ea-1", entry.Id, "AUDUSD", entry.Legs[0].Side, entry.Legs[0].Quantity, 0.66125, entry.Timestamp.AddHours(4), -1.5);
        await db.StreamAddAsync(keys.Fills, FillMessage.Fields(fill));
        await db.StreamAddAsync(keys.Fills, FillMessage.Fields(fill));                               // reported twice: kept once
        string badFill = (await db.StreamAddAsync(keys.Fills, [new("fill_id", "ea-2"), new("side", "long")])).ToString();
        await WaitForAsync(async () => await db.StreamLengthAsync(keys.Signals) >= pair.ExpectedSignals.Count, "every signal in the stream");
        await WaitForAsync(async () => (long)(await ScalarAsync(database, "SELECT count(*) FROM core.bars"))! == pair.A.Count + pair.B.Count, "every bar in core.bars");
        await WaitForAsync(async () => (long)(await ScalarAsync(database, "SELECT count(*) FROM core.live_trades"))! == 1, "the fill in core.live_trades");
        // The first heartbeat goes out at start, before the shard is loaded; the next one (10 s later) counts its engine.
        await WaitForAsync(async () => ((string?)await db.StringGetAsync(keys.Heartbeat("worker", "worker-test")))?.Contains("\"engines\":1", StringComparison.Ordinal) == true, "a heartbeat counting the engine");
        string? heartbeat = await db.StringGetAsync(keys.Heartbeat("worker", "worker-test"));
        using var http = new HttpClient();
        string metrics = await http.GetStringAsync(new Uri($"http://localhost:{metricsPort}/metrics"));
        worker.Terminate();
        (int code, string stdout, string stderr) = worker.WaitForExit(s_timeout);

        Assert.True(code == 0, stdout + stderr);
        StreamEntry[] entries = await db.StreamRangeAsync(keys.Signals);
        Assert.Equal(pair.ExpectedJson, entries.Select(e => e["signal"].ToString()));
        Assert.Equal(pair.ExpectedSignals.Select(s => s.Id), entries.Select(e => e["id"].ToString()));
        Signal last = pair.ExpectedSignals[^1];
        Assert.Equal(System.Text.Encoding.UTF8.GetString(SignalJson.Serialize(last)), (string?)await db.HashGetAsync(keys.LatestSignals, $"{last.ModelId}|{last.PairId}"));
        StreamEntry letter = Assert.Single(await db.StreamRangeAsync(keys.DeadLetters));
        Assert.Equal(malformed, letter["id"].ToString());
        Assert.Equal(keys.Bars("NZDUSD", s_fourHours).ToString(), letter["stream"].ToString());
        Assert.Contains("field 'close' is 'abc'", letter["problem"].ToString(), StringComparison.Ordinal);
        Assert.Contains("dead-lettered", stdout, StringComparison.Ordinal);

        Assert.Equal(pair.ExpectedJson, await HistoryAsync(database));
        Assert.Equal((long)(pair.A.Count + pair.B.Count), await ScalarAsync(database, "SELECT count(*) FROM core.bars"));
        Assert.Equal((long)pair.ExpectedSignals.Count(s => s.Action == SignalAction.Entry), await ScalarAsync(database, "SELECT count(*) FROM core.live_scores WHERE entered"));
        Assert.Equal(last.Id, await ScalarAsync(database, "SELECT id FROM core.signals_live"));
        Assert.Equal(DateTime.SpecifyKind(pair.ExpectedWatermark, DateTimeKind.Utc), await ScalarAsync(database, "SELECT watermark FROM core.pair_checkpoints"));
        Assert.Equal("{\"soft_halt\":true,\"hard_halt\":false,\"flatten\":false,\"leverage_scale\":1}", (string?)await db.HashGetAsync(keys.OpsFlags, "other-model|*"));
        Assert.Contains("\"engines\":1", heartbeat, StringComparison.Ordinal);
        Assert.Contains($"bars_processed_total{{otel_scope_name=\"Alpha.Inference.Worker\"}} {pair.A.Count + pair.B.Count}", metrics, StringComparison.Ordinal);
        Assert.Contains("inference_latency_ms_bucket{", metrics, StringComparison.Ordinal);
        Assert.Contains("data_watermark_lag_seconds{", metrics, StringComparison.Ordinal);
        Assert.Contains("outbox_pending{", metrics, StringComparison.Ordinal);
        Assert.Equal(entry.Id, await ScalarAsync(database, "SELECT signal_id FROM core.live_trades WHERE fill_id = 'ea-1'"));
        Assert.Equal(fill.Quantity, await ScalarAsync(database, "SELECT quantity FROM core.live_trades WHERE fill_id = 'ea-1'"));
        StreamEntry fillLetter = Assert.Single(await db.StreamRangeAsync(keys.FillDeadLetters));
        Assert.Equal(badFill, fillLetter["id"].ToString());
        Assert.Equal(1L, await ScalarAsync(database, "SELECT count(*) FROM core.heartbeats WHERE host = 'worker-test' AND service = 'worker'"));
    }

    [RedisSharedDataFact]
    public async Task DrawdownLevelsReached_AreRaisedIntoTheOpsFlags_InRedisAndPostgres_AndStopNewEntries()
    {
        // The repository's dd_policy.yaml: this pair's paper equity reaches the pair's warn level and the global halt.
        var keys = new RedisKeys($"test:{Guid.NewGuid():N}:");
        string folder = Directory.CreateTempSubdirectory("alpha-worker-dd-").FullName;
        var database = new TestDatabase();
        await database.InitializeAsync();
        try
        {
            using ConnectionMultiplexer redis = await ConnectionMultiplexer.ConnectAsync(TestEnvironment.RedisConfiguration);
            Dictionary<string, string?> env = pair.Environment(
                folder, ("Worker__Mode", "redis"), ("REDIS_URL", "redis://" + TestEnvironment.RedisConfiguration), ("POSTGRES_URL", database.ConnectionString), ("Worker__KeyPrefix", keys.Prefix));
            env["Worker__Configs"] = DeployedPair.RepositoryConfigs;
            using WorkerProcess worker = WorkerProcess.Start(env);
            await FeedAsync(new RedisBarFeed(redis, keys), pair.A, pair.B, malformedAfter: null);
            IDatabase db = redis.GetDatabase();
            await WaitForAsync(async () => (long)(await ScalarAsync(database, "SELECT count(*) FROM core.ops_flags WHERE model_id = '*' AND pair_id = '*'"))! == 1, "the global halt in core.ops_flags");
            await WaitForAsync(async () => await db.HashGetAsync(keys.OpsFlags, "*|*") is { IsNull: false }, "the global halt in Redis");
            await WaitForAsync(async () => (long)(await ScalarAsync(database, "SELECT count(*) FROM core.pair_checkpoints WHERE watermark = $1", DateTime.SpecifyKind(pair.ExpectedWatermark, DateTimeKind.Utc)))! == 1, "every bar decided and delivered");
            worker.Terminate();
            (int code, string stdout, string stderr) = worker.WaitForExit(s_timeout);

            Assert.True(code == 0, stdout + stderr);
            Assert.True(OpsFlagsJson.Parse((string)(await db.HashGetAsync(keys.OpsFlags, "*|*"))!).SoftHalt);
            Assert.Equal(0.5, OpsFlagsJson.Parse((string)(await db.HashGetAsync(keys.OpsFlags, $"{DeployedPair.ModelId}|AUDUSD-NZDUSD"))!).LeverageScale);
            Assert.StartsWith("dd_policy: global drawdown", (string)(await ScalarAsync(database, "SELECT updated_by FROM core.ops_flags WHERE model_id = '*'"))!, StringComparison.Ordinal);
            Assert.True((bool)(await ScalarAsync(database, "SELECT soft_halt FROM core.ops_flags WHERE model_id = '*'"))!);
            Assert.Contains("Drawdown: flags raised on *|*", stdout, StringComparison.Ordinal);

            // Halted: fewer entries than the replay without levels.
            StreamEntry[] delivered = await db.StreamRangeAsync(keys.Signals);
            Signal[] signals = [.. delivered.Select(e => SignalJson.Parse(System.Text.Encoding.UTF8.GetBytes(e["signal"].ToString())))];
            Assert.True(signals.Count(x => x.Action == SignalAction.Entry) < pair.ExpectedSignals.Count(x => x.Action == SignalAction.Entry));
        }
        finally
        {
            await database.DisposeAsync();
        }
    }

    [RedisSharedDataFact]
    public Task RedisUnreachable_ForAWhile_TheOutboxHoldsAndDrains_NoneLostNoneDuplicated() => OutageAsync(redisDown: true);

    [RedisSharedDataFact]
    public Task PostgresUnreachable_ForAWhile_TheOutboxHoldsAndDrains_NoneLostNoneDuplicated() => OutageAsync(redisDown: false);

    // The worker loop in process with both real targets, one of them behind a proxy that refuses connections while
    // every bar is fed (the server keeps running); then the proxy comes back and the outbox drains.
    private async Task OutageAsync(bool redisDown)
    {
        var keys = new RedisKeys($"test:{Guid.NewGuid():N}:");
        string folder = Directory.CreateTempSubdirectory("alpha-worker-outage-").FullName;
        var database = new TestDatabase();
        await database.InitializeAsync();
        (string redisHost, int redisPort) = TestEnvironment.RedisEndpoint;
        var pg = new Npgsql.NpgsqlConnectionStringBuilder(database.ConnectionString);
        using var proxy = redisDown ? new TcpProxy(redisHost, redisPort) : new TcpProxy(pg.Host!, pg.Port);
        using ConnectionMultiplexer direct = await ConnectionMultiplexer.ConnectAsync(TestEnvironment.RedisConfiguration);
        ConfigurationOptions signalsRedisOptions = ConfigurationOptions.Parse(redisDown ? $"127.0.0.1:{proxy.Port}" : TestEnvironment.RedisConfiguration);
        (signalsRedisOptions.AbortOnConnectFail, signalsRedisOptions.ConnectRetry, signalsRedisOptions.ConnectTimeout, signalsRedisOptions.SyncTimeout, signalsRedisOptions.AsyncTimeout) = (false, 1, 500, 1000, 1000);
        using ConnectionMultiplexer signalsRedis = await ConnectionMultiplexer.ConnectAsync(signalsRedisOptions);
        if (!redisDown)
        {
            (pg.Host, pg.Port, pg.Timeout, pg.CommandTimeout) = ("127.0.0.1", proxy.Port, 2, 5);
        }

        await using Npgsql.NpgsqlDataSource postgres = Npgsql.NpgsqlDataSource.Create(pg.ConnectionString);
        try
        {
            TimeProvider time = TimeProvider.System;
            var options = new WorkerOptions { ExpireStaleBars = false, RetryDelay = TimeSpan.FromMilliseconds(50), MaxRetryDelay = TimeSpan.FromMilliseconds(500) };
            var redisTarget = new RedisSignalTarget(signalsRedis, keys);
            var postgresTarget = new Alpha.Storage.Postgres.PostgresWorkerTarget(postgres);
            IRelayTarget down = redisDown ? redisTarget : postgresTarget, up = redisDown ? postgresTarget : redisTarget;
            using SqliteOutbox outbox = SqliteOutbox.Open(Path.Combine(folder, "outbox.db"), [redisTarget.Name, postgresTarget.Name]);
            var relay = new OutboxRelay(outbox, [redisTarget, postgresTarget], options, time);
            IReadOnlyList<PairEngine> engines = await new EngineLoader(PredictorKinds.BuiltIn, pair.Registry(), pair.Settings, "outage-test")
                .LoadAllAsync(ModelCatalogue.Load(pair.Catalogue, PredictorKinds.BuiltIn).Models, [], CancellationToken.None);
            await using var source = new RedisBarSource(direct, new RedisBarSourceOptions { Streams = [("AUDUSD", s_fourHours), ("NZDUSD", s_fourHours)], Keys = keys }, time);
            var worker = new InferenceWorker(engines, source, outbox, relay, options, time, null, null);
            using var stop = new CancellationTokenSource();

            proxy.Stop();                                                       // the server runs; its connections are refused
            Task<bool> run = worker.RunAsync(stop.Token);
            await FeedAsync(new RedisBarFeed(direct, keys), pair.A, pair.B, malformedAfter: null);
            await WaitForAsync(() => Task.FromResult(worker.SignalsEmitted >= pair.ExpectedSignals.Count), "every signal decided");
            // The worker counts a signal before its batch is in the outbox: wait for the reachable target to hold them all.
            await WaitForAsync(
                async () => redisDown
                    ? (long)(await ScalarAsync(database, "SELECT count(*) FROM core.signals_history"))! == pair.ExpectedSignals.Count
                    : await direct.GetDatabase().StreamLengthAsync(keys.Signals) == pair.ExpectedSignals.Count,
                "the reachable target caught up");
            long held = await outbox.CountPendingAsync(down.Name, CancellationToken.None);
            long inStreamWhileDown = await direct.GetDatabase().StreamLengthAsync(keys.Signals);
            proxy.Start();                                                      // back: the relay drains
            await WaitForAsync(async () => await outbox.CountPendingAsync(down.Name, CancellationToken.None) == 0, "the outbox drained");
            await stop.CancelAsync();
            Assert.True(await run);

            Assert.True(held > 0, $"the outbox held entries for {down.Name} while it was unreachable");
            Assert.Equal(redisDown ? 0 : pair.ExpectedSignals.Count, inStreamWhileDown);
            Assert.Equal(pair.ExpectedJson, (await direct.GetDatabase().StreamRangeAsync(keys.Signals)).Select(e => e["signal"].ToString()));
            Assert.Equal(pair.ExpectedJson, await HistoryAsync(database));

            // Delivering everything again (a relay that crashed before moving its cursor) adds nothing anywhere.
            var again = new OutboxBatch();
            foreach (Signal s in pair.ExpectedSignals)
            {
                again.Signals.Add(s);
            }

            await redisTarget.DeliverAsync([new OutboxEntry(1, again)], CancellationToken.None);
            await postgresTarget.DeliverAsync([new OutboxEntry(1, again)], CancellationToken.None);
            Assert.Equal(pair.ExpectedSignals.Count, redisTarget.Duplicates);
            Assert.Equal(pair.ExpectedSignals.Count, await direct.GetDatabase().StreamLengthAsync(keys.Signals));
            Assert.Equal(pair.ExpectedJson, await HistoryAsync(database));
        }
        finally
        {
            await database.DisposeAsync();
        }
    }

    // core.signals_history in bar order, each signal as the contract serialises it (jsonb keeps numbers exactly).
    private static async Task<string[]> HistoryAsync(TestDatabase database)
    {
        var rows = new List<string>();
        await using Npgsql.NpgsqlCommand command = database.DataSource.CreateCommand("SELECT signal::text FROM core.signals_history ORDER BY bar_time, action DESC");
        await using Npgsql.NpgsqlDataReader reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(System.Text.Encoding.UTF8.GetString(SignalJson.Serialize(SignalJson.Parse(System.Text.Encoding.UTF8.GetBytes(reader.GetString(0))))));
        }

        return [.. rows];
    }

    private static async Task<object?> ScalarAsync(TestDatabase database, string sql, params object[] values)
    {
        await using Npgsql.NpgsqlCommand command = database.DataSource.CreateCommand(sql);
        foreach (object value in values)
        {
            command.Parameters.Add(new Npgsql.NpgsqlParameter { Value = value });
        }

        return await command.ExecuteScalarAsync();
    }

    // Both legs in time order (A first at equal times), as a market-data bridge publishes; optionally one malformed
    // NZDUSD message after that many bars. Returns the malformed message's id.
    private static async Task<string> FeedAsync(RedisBarFeed feed, BarSeries a, BarSeries b, int? malformedAfter)
    {
        var bars = new List<SourcedBar>(a.Count + b.Count);
        var source = new ReplayBarSource([(a, s_fourHours), (b, s_fourHours)]);
        while (await source.ReadAsync(bars, CancellationToken.None))
        {
        }

        if (malformedAfter is not int split)
        {
            await feed.PublishManyAsync(bars);
            return "";
        }

        await feed.PublishManyAsync(bars[..split]);
        string malformed = await feed.PublishRawAsync("NZDUSD", s_fourHours, [new("time", "2020-01-01T00:00:00Z"), new("open", "1"), new("high", "1"), new("low", "1"), new("close", "abc"), new("volume", "0")]);
        await feed.PublishManyAsync(bars[split..]);
        return malformed;
    }

    private static int FreePort()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        int port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private static async Task WaitForAsync(Func<Task<bool>> condition, string what)
    {
        DateTime deadline = DateTime.UtcNow + s_timeout;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Waited {s_timeout} for {what}.");
            }

            await Task.Delay(100);
        }
    }
}
