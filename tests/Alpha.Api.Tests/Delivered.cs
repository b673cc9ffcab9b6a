using Alpha.Inference;
using Alpha.Messaging.Redis;
using Alpha.MarketData;
using Alpha.Signals;
using Alpha.Storage.Postgres;

namespace Alpha.Api.Tests;

/// <summary>What the worker's relay would have delivered for the deployed pair: its signals and bars, into the server's Redis and PostgreSQL, through the relay's own targets.</summary>
public static class Delivered
{
    /// <summary>Bars delivered per leg (the first of each file).</summary>
    public const int Bars = 500;

    /// <summary>Delivers <paramref name="signals"/> and the first <see cref="Bars"/> bars of each leg (idempotent, as the relay is).</summary>
    public static async Task SignalsAndBarsAsync(ApiServer server, IReadOnlyList<Signal> signals)
    {
        var batch = new OutboxBatch();
        foreach (Signal signal in signals)
        {
            batch.Signals.Add(signal);
        }

        TimeSpan h4 = TimeSpan.FromHours(4);
        for (int i = 0; i < Bars; i++)
        {
            batch.Bars.Add(new SourcedBar(ApiServer.Pair.A.Symbol, h4, ApiServer.Pair.A[i]));
            batch.Bars.Add(new SourcedBar(ApiServer.Pair.B.Symbol, h4, ApiServer.Pair.B[i]));
        }

        OutboxEntry[] entries = [new(1, batch)];
        await new RedisSignalTarget(server.Redis, server.Keys).DeliverAsync(entries, CancellationToken.None);
        await new PostgresWorkerTarget(server.Database.DataSource).DeliverAsync(entries, CancellationToken.None);
    }

    /// <summary>Clears the operator flags in both stores (a test that asserts on them starts from none).</summary>
    public static async Task ClearFlagsAsync(ApiServer server)
    {
        await server.Database.ExecuteAsync("DELETE FROM core.ops_flags");
        await server.Redis.GetDatabase().KeyDeleteAsync(server.Keys.OpsFlags);
    }

    public static Bar[] Take(BarSeries series, DateTime through) => [.. Enumerable.Range(0, series.Count).Select(i => series[i]).TakeWhile(b => b.Time <= through)];
}
