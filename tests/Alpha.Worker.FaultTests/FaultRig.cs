using Alpha.Inference;
using Alpha.MarketData;
using Alpha.Messaging.Redis;
using Alpha.Signals;
using Alpha.Worker.Tests;
using Npgsql;
using StackExchange.Redis;

namespace Alpha.Worker.FaultTests;

/// <summary>
/// One fault test's world: its own Redis and PostgreSQL, workers started against them (a folder — outbox — per worker
/// name, kept across restarts), the pair's bars fed in chunks, and the final comparison with the offline replay.
/// </summary>
internal sealed class FaultRig : IDisposable
{
    public const int Chunks = 40;
    private static readonly TimeSpan s_fourHours = TimeSpan.FromHours(4);
    private static readonly TimeSpan s_timeout = TimeSpan.FromMinutes(4);
    private readonly DeployedPair _pair;
    private readonly Dictionary<string, string> _folders = [];
    private readonly List<WorkerProcess> _workers = [];

    public FaultRig(DeployedPair pair)
    {
        _pair = pair;
        Redis = new ThrowawayRedis();
        Postgres = new ThrowawayPostgres();
        Client = Redis.Connect();
        Database = NpgsqlDataSource.Create(Postgres.ConnectionString);
    }

    public ThrowawayRedis Redis { get; }

    public ThrowawayPostgres Postgres { get; }

    public ConnectionMultiplexer Client { get; }

    public NpgsqlDataSource Database { get; }

    public RedisKeys Keys { get; } = new();

    /// <summary>Starts <c>alpha-worker</c> named <paramref name="host"/> in Redis mode (2 s leases, pointers read every 0.5 s).</summary>
    public WorkerProcess StartWorker(string host, params (string Key, string Value)[] more)
    {
        if (!_folders.TryGetValue(host, out string? folder))
        {
            _folders[host] = folder = Directory.CreateTempSubdirectory($"alpha-fault-{host}-").FullName;
        }

        WorkerProcess worker = WorkerProcess.Start(_pair.Environment(
            folder,
            [
                ("Worker__Mode", "redis"), ("REDIS_URL", Redis.Url), ("POSTGRES_URL", Postgres.ConnectionString), ("Worker__HostName", host),
                ("Worker__LeaseSeconds", "2"), ("Worker__ModelCheckSeconds", "0.5"), .. more,
            ]));
        _workers.Add(worker);
        return worker;
    }

    public async Task<string?> LeaseOwnerAsync() => await Client.GetDatabase().StringGetAsync(Keys.ShardLease(ModelDefinition.DefaultShard));

    public Task WaitForOwnerAsync(string host) =>
        Wait.UntilAsync(async () => (await LeaseOwnerAsync())?.StartsWith(host + ":", StringComparison.Ordinal) == true, s_timeout, $"{host} to hold the lease");

    /// <summary>
    /// Publishes both legs in time order, in <see cref="Chunks"/> chunks, calling <paramref name="beforeChunk"/> before each;
    /// a chunk Redis refused is published again (a bar published twice is refused by the engine: nothing changes).
    /// </summary>
    public async Task FeedAsync(Func<int, Task> beforeChunk, int from = 0, int to = Chunks)
    {
        List<SourcedBar> bars = Bars();
        var feed = new RedisBarFeed(Client, Keys);
        int size = (bars.Count + Chunks - 1) / Chunks;
        for (int k = from; k < to; k++)
        {
            await beforeChunk(k);
            SourcedBar[] chunk = [.. bars.Skip(k * size).Take(size)];
            await Wait.UntilAsync(
                async () =>
                {
                    await feed.PublishManyAsync(chunk);
                    return true;
                },
                s_timeout,
                $"chunk {k} published");
            await Task.Delay(50);
        }
    }

    /// <summary>Waits until both targets hold <paramref name="count"/> signals (bounded), then stops every worker gracefully.</summary>
    public async Task WaitForDeliveryAsync(int count)
    {
        try
        {
            await Wait.UntilAsync(async () => await Client.GetDatabase().StreamLengthAsync(Keys.Signals) >= count, s_timeout, $"{count} signals in the Redis stream");
            await Wait.UntilAsync(async () => await HistoryCountAsync() >= count, s_timeout, $"{count} signals in core.signals_history");
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"{e.Message} Stream: {await Client.GetDatabase().StreamLengthAsync(Keys.Signals)}; the workers said:\n{WorkerLogs()}", e);
        }

        foreach (WorkerProcess worker in _workers.Where(w => !w.HasExited))
        {
            worker.Terminate();
            (int code, string stdout, string stderr) = worker.WaitForExit(s_timeout);
            Assert.True(code == 0, stdout + stderr);
        }
    }

    /// <summary>The signals stream, each entry's JSON, in stream order.</summary>
    public async Task<string[]> StreamAsync() => [.. (await Client.GetDatabase().StreamRangeAsync(Keys.Signals)).Select(e => e["signal"].ToString())];

    /// <summary>core.signals_history in bar order, each signal as the contract serialises it.</summary>
    public async Task<string[]> HistoryAsync()
    {
        var rows = new List<string>();
        await using NpgsqlCommand command = Database.CreateCommand("SELECT signal::text FROM core.signals_history ORDER BY bar_time, action DESC");
        await using NpgsqlDataReader reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(System.Text.Encoding.UTF8.GetString(SignalJson.Serialize(SignalJson.Parse(System.Text.Encoding.UTF8.GetBytes(reader.GetString(0))))));
        }

        return [.. rows];
    }

    /// <summary>Asserts both targets hold exactly <paramref name="expected"/>: same ids, in order, none lost, none twice.</summary>
    public async Task AssertDeliveredAsync(string[] expected)
    {
        string[] stream = await StreamAsync(), history = await HistoryAsync();
        Assert.Equal(expected.Length, stream.Length);
        Assert.Equal(expected, stream);
        Assert.Equal(expected, history);
    }

    // What every worker wrote (each stopped first), the tail of it.
    private string WorkerLogs()
    {
        var text = new System.Text.StringBuilder();
        foreach (WorkerProcess worker in _workers)
        {
            string all = worker.KillAndCollect();
            text.Append("--- worker ").Append(worker.Id).Append(" ---\n").Append(all.Length > 6_000 ? all[^6_000..] : all).Append('\n');
        }

        return text.ToString();
    }

    public void Dispose()
    {
        foreach (WorkerProcess worker in _workers)
        {
            worker.Dispose();
        }

        Client.Dispose();
        Database.Dispose();
        Redis.Dispose();
        Postgres.Dispose();
        foreach (string folder in _folders.Values)
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private async Task<long> HistoryCountAsync()
    {
        await using NpgsqlCommand command = Database.CreateCommand("SELECT count(*) FROM core.signals_history");
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private List<SourcedBar> Bars()
    {
        var bars = new List<SourcedBar>(_pair.A.Count + _pair.B.Count);
        var source = new ReplayBarSource([(_pair.A, s_fourHours), (_pair.B, s_fourHours)]);
        while (source.ReadAsync(bars, CancellationToken.None).AsTask().GetAwaiter().GetResult())
        {
        }

        return bars;
    }
}
