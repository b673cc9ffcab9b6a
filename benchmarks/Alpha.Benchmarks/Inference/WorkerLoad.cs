using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Alpha.Inference;
using Alpha.MarketData;
using Alpha.Messaging.Redis;
using Alpha.Signals;
using Alpha.Storage.Sqlite;
using Alpha.Training;
using StackExchange.Redis;

namespace Alpha.Benchmarks.Inference;

/// <summary>
/// The worker under load (DESIGN.md § 7), a load tool rather than a timed test: 50 pairs of 1-minute bars through a
/// real Redis into the production worker loop (Redis streams in, SQLite outbox with synchronous=FULL, the Redis signal
/// target out), serving a real AUD/NZD version on 50 synthetic pairs. Two phases: as fast as the worker takes them (each
/// minute's 100 bars published when the previous minute's are processed) and at real rate × 100 (a minute every 600 ms,
/// open loop). Latency: from publishing the bar that makes a decision bar final to the signal's notification from
/// Redis (the Lua script publishes it after the stream and hash are written), for every signal. Baseline of the same
/// run: a Redis PING round trip.
/// <code>dotnet run -c Release --project benchmarks/Alpha.Benchmarks -- worker-load 127.0.0.1:6379 [minutes]</code>
/// </summary>
internal static class WorkerLoad
{
    private const int Pairs = 50;
    private static readonly TimeSpan s_minute = TimeSpan.FromMinutes(1);

    public static async Task RunAsync(string redisEndpoint, int minutes)
    {
        AudNzdVersion version = AudNzdVersion.Train();
        var prefix = new RedisKeys($"load:{Environment.ProcessId}:");
        using ConnectionMultiplexer redis = await ConnectionMultiplexer.ConnectAsync(redisEndpoint);
        var pairs = Enumerable.Range(0, Pairs).Select(i => Pair(version, i, minutes)).ToArray();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"# Worker load: {Pairs} pairs × {minutes:N0} one-minute bars per phase, Redis {redisEndpoint}, {Environment.ProcessorCount} cores"));
        Console.WriteLine();
        Console.WriteLine("| phase | bars | signals | bars/s | p50 ms | p99 ms | max ms | CPU % of one core | peak working set MB |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        await PhaseAsync("as fast as the worker takes them", redis, prefix with { Prefix = prefix.Prefix + "fast:" }, version, pairs, paced: null);
        await PhaseAsync("real rate × 100", redis, prefix with { Prefix = prefix.Prefix + "x100:" }, version, pairs, paced: TimeSpan.FromMilliseconds(600));
        double[] ping = await PingAsync(redis);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| baseline: Redis PING round trip | {ping.Length:N0} | | | {Percentile(ping, 0.5):F3} | {Percentile(ping, 0.99):F3} | {ping[^1]:F3} | | |"));
    }

    private static (ModelDefinition Model, BarSeries A, BarSeries B) Pair(AudNzdVersion version, int i, int minutes)
    {
        (BarSeries a, BarSeries b) = SyntheticPair.Generate(new SyntheticPairOptions { Seed = 1_000 + i, Bars = minutes, Timeframe = s_minute });
        string legA = $"L{i:00}A", legB = $"L{i:00}B";
        ModelDefinition model = version.Definition with { ModelId = $"load-{i:00}", PairId = $"{legA}-{legB}", LegA = legA, LegB = legB, Timeframe = s_minute };
        return (model, Rename(a, legA), Rename(b, legB));
    }

    private static BarSeries Rename(BarSeries s, string symbol) => BarSeries.FromBars(symbol, [.. Enumerable.Range(0, s.Count).Select(i => s[i])]);

    private static async Task PhaseAsync(string name, ConnectionMultiplexer redis, RedisKeys keys, AudNzdVersion version, (ModelDefinition Model, BarSeries A, BarSeries B)[] pairs, TimeSpan? paced)
    {
        string folder = Directory.CreateTempSubdirectory("alpha-worker-load-").FullName;
        var options = new WorkerOptions { ExpireStaleBars = false };
        var target = new RedisSignalTarget(redis, keys);
        using SqliteOutbox outbox = SqliteOutbox.Open(Path.Combine(folder, "outbox.db"), [target.Name]);
        var relay = new OutboxRelay(outbox, [target], options, TimeProvider.System);
        PairEngine[] engines = [.. pairs.Select(p => new PairEngine(version.Predictor, PairEngineOptions.Replaying(p.Model, TrainingPolicy.Default.Backtest, TrainingPolicy.Default.Alignment)))];
        await using var source = new RedisBarSource(
            redis, new RedisBarSourceOptions { Streams = [.. pairs.SelectMany(p => new[] { (p.Model.LegA, s_minute), (p.Model.LegB, s_minute) })], Keys = keys }, TimeProvider.System);
        var worker = new InferenceWorker(engines, source, outbox, relay, options, TimeProvider.System, null, null);

        // The signals the engines will emit, by id → the decision bar's pair and time (an offline replay of the same bars).
        var expected = new Dictionary<string, (int Pair, DateTime Time)>();
        for (int p = 0; p < pairs.Length; p++)
        {
            foreach (Signal s in PairReplay.Run(new PairEngine(version.Predictor, engines[p].Options), pairs[p].A, pairs[p].B))
            {
                expected[s.Id] = (p, s.Timestamp.UtcDateTime);
            }
        }

        var published = new ConcurrentDictionary<(int Pair, DateTime Time), long>();
        var latencies = new ConcurrentBag<double>();
        using var all = new SemaphoreSlim(0);
        int seen = 0;
        await redis.GetSubscriber().SubscribeAsync(keys.SignalNotify, (_, id) =>
        {
            long now = Stopwatch.GetTimestamp();
            if (expected.TryGetValue(id.ToString(), out (int Pair, DateTime Time) at) && published.TryGetValue(at, out long sent))
            {
                latencies.Add(Stopwatch.GetElapsedTime(sent, now).TotalMilliseconds);
            }

            if (Interlocked.Increment(ref seen) == expected.Count)
            {
                all.Release();
            }
        });

        using var stop = new CancellationTokenSource();
        Task<bool> run = worker.RunAsync(stop.Token);
        var feed = new RedisBarFeed(redis, keys);
        var process = Process.GetCurrentProcess();
        TimeSpan cpuBefore = process.TotalProcessorTime;
        long started = Stopwatch.GetTimestamp();
        int count = pairs[0].A.Count;
        var minute = new List<SourcedBar>(2 * pairs.Length);
        for (int t = 0; t < count; t++)
        {
            minute.Clear();
            foreach ((ModelDefinition model, BarSeries a, BarSeries b) in pairs)
            {
                minute.Add(new SourcedBar(model.LegA, s_minute, a[t]));
                minute.Add(new SourcedBar(model.LegB, s_minute, b[t]));
            }

            long sent = Stopwatch.GetTimestamp();
            for (int p = 0; p < pairs.Length; p++)
            {
                published[(p, pairs[p].A.Time[t])] = sent;
            }

            await feed.PublishManyAsync(minute);
            if (paced is TimeSpan interval)
            {
                TimeSpan wait = interval * (t + 1) - Stopwatch.GetElapsedTime(started);
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait);
                }
            }
            else
            {
                long received = (long)(t + 1) * 2 * pairs.Length;
                var spin = new SpinWait();
                long deadline = Stopwatch.GetTimestamp() + Stopwatch.Frequency * 10;
                while (worker.BarsReceived < received && Stopwatch.GetTimestamp() < deadline)
                {
                    spin.SpinOnce();
                }
            }
        }

        bool delivered = await all.WaitAsync(TimeSpan.FromMinutes(2));
        TimeSpan wall = Stopwatch.GetElapsedTime(started);
        double cpu = (process.TotalProcessorTime - cpuBefore).TotalSeconds / wall.TotalSeconds * 100;
        await stop.CancelAsync();
        await run;
        process.Refresh();
        double[] sorted = [.. latencies.Order()];
        long bars = (long)count * 2 * pairs.Length;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {name}{(delivered ? "" : " (NOT all signals arrived)")} | {bars:N0} | {sorted.Length:N0} of {expected.Count:N0} | {bars / wall.TotalSeconds:N0} | {Percentile(sorted, 0.5):F3} | {Percentile(sorted, 0.99):F3} | {(sorted.Length > 0 ? sorted[^1] : double.NaN):F3} | {cpu:F0} | {process.PeakWorkingSet64 / 1048576.0:F0} |"));
        await redis.GetSubscriber().UnsubscribeAsync(keys.SignalNotify);
        await Cleanup(redis, keys);
        Directory.Delete(folder, recursive: true);
    }

    private static async Task<double[]> PingAsync(ConnectionMultiplexer redis)
    {
        IDatabase db = redis.GetDatabase();
        var times = new double[5_000];
        for (int i = 0; i < times.Length; i++)
        {
            long start = Stopwatch.GetTimestamp();
            await db.PingAsync();
            times[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }

        Array.Sort(times);
        return times;
    }

    private static async Task Cleanup(ConnectionMultiplexer redis, RedisKeys keys)
    {
        IServer server = redis.GetServer(redis.GetEndPoints()[0]);
        IDatabase db = redis.GetDatabase();
        await foreach (RedisKey key in server.KeysAsync(pattern: keys.Prefix + "*", pageSize: 1_000))
        {
            await db.KeyDeleteAsync(key);
        }
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
}
