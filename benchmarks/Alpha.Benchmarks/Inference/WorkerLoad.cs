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
/// target out), serving a real AUD/NZD version on 50 synthetic pairs. Two phases: as fast as the worker takes them (a
/// minute's 100 bars published as soon as the worker has received the minute before the previous one: one minute always
/// waiting; each minute's 100 bars in one call, latency from its start) and at real rate × 100 (after 1,000 minutes fed
/// the first way, 300 minutes at one every 600 ms, open loop, each pair's two bars in one call, latency from that call).
/// Throughput: bars until the worker received the last one, over that time. Latency: from publishing the bar that makes a decision bar final to the signal's notification from
/// Redis (the Lua script publishes it after the stream and hash are written), for every signal. Baseline of the same
/// run: a Redis PING round trip.
/// <code>dotnet run -c Release --project benchmarks/Alpha.Benchmarks -- worker-load 127.0.0.1:6379 [minutes]</code>
/// </summary>
internal static class WorkerLoad
{
    private const int Pairs = 50;
    private const int PacedMinutes = 300;      // 3 minutes of wall clock at 100×
    private const int WarmMinutes = 1_000;     // fed as fast as taken before the paced minutes (features warm, positions open)
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
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| baseline: Redis PING round trip | {ping.Length:N0} | | | {LoadStats.Percentile(ping, 0.5):F3} | {LoadStats.Percentile(ping, 0.99):F3} | {ping[^1]:F3} | | |"));
    }

    private static (ModelDefinition Model, BarSeries A, BarSeries B) Pair(AudNzdVersion version, int i, int minutes)
    {
        (BarSeries a, BarSeries b) = SyntheticPair.Generate(new SyntheticPairOptions { Seed = 1_000 + i, Bars = minutes, Timeframe = s_minute, GapProbability = 0, WeekendClosures = false });
        string legA = $"L{i:00}A", legB = $"L{i:00}B";
        ModelDefinition model = version.Definition with { ModelId = $"load-{i:00}", PairId = $"{legA}-{legB}", LegA = legA, LegB = legB, Timeframe = s_minute };
        return (model, Rename(a, legA), Rename(b, legB));
    }

    private static BarSeries Rename(BarSeries s, string symbol) => BarSeries.FromBars(symbol, [.. Enumerable.Range(0, s.Count).Select(i => s[i])]);

    private static BarSeries Take(BarSeries s, int count) => BarSeries.FromBars(s.Symbol, [.. Enumerable.Range(0, count).Select(i => s[i])]);

    private static async Task PhaseAsync(string name, ConnectionMultiplexer redis, RedisKeys keys, AudNzdVersion version, (ModelDefinition Model, BarSeries A, BarSeries B)[] pairs, TimeSpan? paced)
    {
        string folder = Directory.CreateTempSubdirectory("alpha-worker-load-").FullName;
        var target = new RedisSignalTarget(redis, keys);
        using SqliteOutbox outbox = SqliteOutbox.Open(Path.Combine(folder, "outbox.db"), [target.Name]);
        try
        {
            await MeasureAsync(name, redis, keys, version, pairs, paced, target, outbox);
        }
        catch (Exception e)
        {
            Console.WriteLine($"The {name} phase failed: {e}");
            throw;
        }

        Directory.Delete(folder, recursive: true);
    }

    private static async Task MeasureAsync(
        string name, ConnectionMultiplexer redis, RedisKeys keys, AudNzdVersion version, (ModelDefinition Model, BarSeries A, BarSeries B)[] pairs, TimeSpan? paced,
        RedisSignalTarget target, SqliteOutbox outbox)
    {
        var options = new WorkerOptions { ExpireStaleBars = false };
        var relay = new OutboxRelay(outbox, [target], options, TimeProvider.System);
        PairEngine[] engines = [.. pairs.Select(p => new PairEngine(version.Predictor, PairEngineOptions.Replaying(p.Model, TrainingPolicy.Default.Backtest, TrainingPolicy.Default.Alignment)))];
        await using var source = new RedisBarSource(
            redis, new RedisBarSourceOptions { Streams = [.. pairs.SelectMany(p => new[] { (p.Model.LegA, s_minute), (p.Model.LegB, s_minute) })], Keys = keys }, TimeProvider.System);
        var worker = new InferenceWorker(engines, source, outbox, relay, options, TimeProvider.System, null, null);

        int count = paced is null ? pairs[0].A.Count : Math.Min(pairs[0].A.Count, WarmMinutes + PacedMinutes);
        int measuredFrom = paced is null ? 0 : WarmMinutes;

        // The signals the engines will emit, by id → the decision bar's pair and time (an offline replay of the same bars).
        var expected = new Dictionary<string, (int Pair, DateTime Time)>();
        for (int p = 0; p < pairs.Length; p++)
        {
            foreach (Signal s in PairReplay.Run(new PairEngine(version.Predictor, engines[p].Options), Take(pairs[p].A, count), Take(pairs[p].B, count)))
            {
                if (s.Timestamp.UtcDateTime >= pairs[p].A.Time[measuredFrom])
                {
                    expected[s.Id] = (p, s.Timestamp.UtcDateTime);
                }
            }
        }

        var published = new ConcurrentDictionary<(int Pair, DateTime Time), long>();
        var latencies = new ConcurrentBag<double>();
        using var all = new SemaphoreSlim(0);
        int seen = 0;
        await redis.GetSubscriber().SubscribeAsync(keys.SignalNotify, (_, id) =>
        {
            long now = Stopwatch.GetTimestamp();
            if (!expected.TryGetValue(id.ToString(), out (int Pair, DateTime Time) at))
            {
                return;     // a warm-up signal
            }

            if (published.TryGetValue(at, out long sent))
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
        var minute = new List<SourcedBar>(2 * pairs.Length);
        long started = Stopwatch.GetTimestamp();
        for (int t = 0; t < count; t++)
        {
            if (t == measuredFrom && paced is not null)
            {
                await ReceivedAsync(worker, (long)t * 2 * pairs.Length);
                (started, cpuBefore) = (Stopwatch.GetTimestamp(), process.TotalProcessorTime);
            }

            if (t >= measuredFrom && paced is not null)
            {
                // Live: pair by pair, each pair's two legs in one call; its bar is final when the call ends.
                for (int p = 0; p < pairs.Length; p++)
                {
                    (ModelDefinition model, BarSeries a, BarSeries b) = pairs[p];
                    published[(p, a.Time[t])] = Stopwatch.GetTimestamp();
                    await feed.PublishManyAsync([new SourcedBar(model.LegA, s_minute, a[t]), new SourcedBar(model.LegB, s_minute, b[t])]);
                }
            }
            else
            {
                // Bulk: the minute's 100 bars in one call.
                minute.Clear();
                foreach ((ModelDefinition model, BarSeries a, BarSeries b) in pairs)
                {
                    minute.Add(new SourcedBar(model.LegA, s_minute, a[t]));
                    minute.Add(new SourcedBar(model.LegB, s_minute, b[t]));
                }

                long sent = Stopwatch.GetTimestamp();
                for (int p = 0; p < pairs.Length && paced is null; p++)
                {
                    published[(p, pairs[p].A.Time[t])] = sent;
                }

                await feed.PublishManyAsync(minute);
            }

            if (paced is TimeSpan interval && t >= measuredFrom)
            {
                TimeSpan wait = interval * (t + 1 - measuredFrom) - Stopwatch.GetElapsedTime(started);
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait);
                }
            }
            else
            {
                await ReceivedAsync(worker, (long)t * 2 * pairs.Length);      // one minute in flight: the worker never waits for the feed
            }
        }

        await ReceivedAsync(worker, (long)count * 2 * pairs.Length);
        TimeSpan wall = Stopwatch.GetElapsedTime(started);
        bool delivered = expected.Count == 0 || await all.WaitAsync(TimeSpan.FromMinutes(2));
        double cpu = (process.TotalProcessorTime - cpuBefore).TotalSeconds / wall.TotalSeconds * 100;
        await stop.CancelAsync();
        await run;
        process.Refresh();
        double[] sorted = [.. latencies.Order()];
        long bars = (long)(count - measuredFrom) * 2 * pairs.Length;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {name}{(delivered ? "" : " (NOT all signals arrived)")} | {bars:N0} | {sorted.Length:N0} of {expected.Count:N0} | {bars / wall.TotalSeconds:N0} | {LoadStats.Percentile(sorted, 0.5):F3} | {LoadStats.Percentile(sorted, 0.99):F3} | {(sorted.Length > 0 ? sorted[^1] : double.NaN):F3} | {cpu:F0} | {process.PeakWorkingSet64 / 1048576.0:F0} |"));
        await redis.GetSubscriber().UnsubscribeAsync(keys.SignalNotify);
        await Cleanup(redis, keys);
    }

    // Polls (1 ms) until the worker has received that many bars, for at most 30 s.
    private static async Task ReceivedAsync(InferenceWorker worker, long bars)
    {
        long deadline = Stopwatch.GetTimestamp() + (Stopwatch.Frequency * 30);
        while (worker.BarsReceived < bars && Stopwatch.GetTimestamp() < deadline)
        {
            await Task.Delay(1);
        }
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
}
