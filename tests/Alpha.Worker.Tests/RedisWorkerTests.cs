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
    public async Task FedPair_PutsExactlyTheOfflineReplaysSignals_InTheStream_AndDeadLettersAMalformedBar()
    {
        var keys = new RedisKeys($"test:{Guid.NewGuid():N}:");
        string folder = Directory.CreateTempSubdirectory("alpha-worker-redis-").FullName;
        using ConnectionMultiplexer redis = await ConnectionMultiplexer.ConnectAsync(TestEnvironment.RedisConfiguration);
        using WorkerProcess worker = WorkerProcess.Start(pair.Environment(
            folder, ("Worker__Mode", "redis"), ("REDIS_URL", "redis://" + TestEnvironment.RedisConfiguration), ("Worker__KeyPrefix", keys.Prefix)));

        var feed = new RedisBarFeed(redis, keys);
        string malformed = await FeedAsync(feed, pair.A, pair.B, malformedAfter: 1000);
        IDatabase db = redis.GetDatabase();
        await WaitForAsync(async () => await db.StreamLengthAsync(keys.Signals) >= pair.ExpectedSignals.Count, "every signal in the stream");
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
    }

    [RedisSharedDataFact]
    public async Task RedisUnreachable_ForAWhile_TheOutboxHoldsAndDrains_NoneLostNoneDuplicated()
    {
        var keys = new RedisKeys($"test:{Guid.NewGuid():N}:");
        string folder = Directory.CreateTempSubdirectory("alpha-worker-outage-").FullName;
        (string host, int port) = TestEnvironment.RedisEndpoint;
        using var proxy = new TcpProxy(host, port);
        using ConnectionMultiplexer direct = await ConnectionMultiplexer.ConnectAsync(TestEnvironment.RedisConfiguration);
        ConfigurationOptions proxied = ConfigurationOptions.Parse($"127.0.0.1:{proxy.Port}");
        (proxied.AbortOnConnectFail, proxied.ConnectRetry, proxied.ConnectTimeout, proxied.SyncTimeout, proxied.AsyncTimeout) = (false, 1, 500, 1000, 1000);
        using ConnectionMultiplexer signalsRedis = await ConnectionMultiplexer.ConnectAsync(proxied);
        TimeProvider time = TimeProvider.System;
        var options = new WorkerOptions { ExpireStaleBars = false, RetryDelay = TimeSpan.FromMilliseconds(50), MaxRetryDelay = TimeSpan.FromMilliseconds(500) };
        var target = new RedisSignalTarget(signalsRedis, keys);
        using SqliteOutbox outbox = SqliteOutbox.Open(Path.Combine(folder, "outbox.db"), [target.Name]);
        var relay = new OutboxRelay(outbox, [target], options, time);
        IReadOnlyList<PairEngine> engines = await EngineLoader.LoadAsync(
            ModelCatalogue.Load(DeployedPair.Catalogue, PredictorKinds.BuiltIn), PredictorKinds.BuiltIn, pair.Registry(),
            pair.Settings, [], "outage-test", CancellationToken.None);
        await using var source = new RedisBarSource(direct, new RedisBarSourceOptions { Streams = [("AUDUSD", s_fourHours), ("NZDUSD", s_fourHours)], Keys = keys }, time);
        var worker = new InferenceWorker(engines, source, outbox, relay, options, time);
        using var stop = new CancellationTokenSource();

        proxy.Stop();                                                       // Redis refuses the relay's connections
        Task<bool> run = worker.RunAsync(stop.Token);
        await FeedAsync(new RedisBarFeed(direct, keys), pair.A, pair.B, malformedAfter: null);
        await WaitForAsync(() => Task.FromResult(worker.SignalsEmitted >= pair.ExpectedSignals.Count), "every signal decided");
        long held = await outbox.CountPendingAsync(target.Name, CancellationToken.None);
        long deliveredWhileDown = await direct.GetDatabase().StreamLengthAsync(keys.Signals);
        proxy.Start();                                                      // back: the relay drains
        await WaitForAsync(async () => await outbox.CountPendingAsync(target.Name, CancellationToken.None) == 0, "the outbox drained");
        await stop.CancelAsync();
        Assert.True(await run);

        Assert.True(held > 0, "the outbox held entries while Redis was unreachable");
        Assert.Equal(0, deliveredWhileDown);
        StreamEntry[] entries = await direct.GetDatabase().StreamRangeAsync(keys.Signals);
        Assert.Equal(pair.ExpectedJson, entries.Select(e => e["signal"].ToString()));

        // Delivering everything again (a relay that crashed before moving its cursor) adds nothing.
        var again = new OutboxBatch();
        foreach (Signal s in pair.ExpectedSignals)
        {
            again.Signals.Add(s);
        }

        await target.DeliverAsync([new OutboxEntry(1, again)], CancellationToken.None);
        Assert.Equal(pair.ExpectedSignals.Count, target.Duplicates);
        Assert.Equal(pair.ExpectedSignals.Count, await direct.GetDatabase().StreamLengthAsync(keys.Signals));
    }

    // Both legs in time order (A first at equal times), as a market-data bridge publishes; optionally one malformed
    // NZDUSD message after that many bars. Returns the malformed message's id.
    private static async Task<string> FeedAsync(RedisBarFeed feed, BarSeries a, BarSeries b, int? malformedAfter)
    {
        string malformed = "";
        int i = 0, j = 0, n = 0;
        while (i < a.Count || j < b.Count)
        {
            if (j >= b.Count || (i < a.Count && a.Time[i] <= b.Time[j]))
            {
                await feed.PublishAsync(a.Symbol, s_fourHours, a[i++]);
            }
            else
            {
                await feed.PublishAsync(b.Symbol, s_fourHours, b[j++]);
            }

            if (++n == malformedAfter)
            {
                malformed = await feed.PublishRawAsync("NZDUSD", s_fourHours, [new("time", "2020-01-01T00:00:00Z"), new("open", "1"), new("high", "1"), new("low", "1"), new("close", "abc"), new("volume", "0")]);
            }
        }

        return malformed;
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
