using System.Collections.Immutable;
using Alpha.Inference;
using Alpha.Operations;
using Npgsql;

namespace Alpha.Storage.Postgres;

/// <summary>
/// The analytics reads over the worker's tables: signals and fills delivered in a window (<c>core.signals_history</c>,
/// <c>core.live_trades</c>), live scores, bar coverage, heartbeats and checkpoints.
/// </summary>
public sealed class PostgresOperationsStore : IOperationsStore
{
    private readonly NpgsqlDataSource _db;

    /// <summary>Creates the store.</summary>
    public PostgresOperationsStore(NpgsqlDataSource dataSource)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        _db = dataSource;
    }

    /// <inheritdoc/>
    public async ValueTask<ImmutableArray<PairActivity>> ActivityAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        await using NpgsqlCommand command = _db.CreateCommand("""
            WITH w AS (SELECT id, model_id, pair_id, action, bar_time, model_version FROM core.signals_history WHERE stored_at >= $1),
                 f AS (SELECT w.model_id, w.pair_id, count(*) AS fills FROM w JOIN core.live_trades t ON t.signal_id = w.id GROUP BY 1, 2),
                 l AS (SELECT DISTINCT ON (model_id, pair_id) model_id, pair_id, bar_time, action, model_version FROM w ORDER BY model_id, pair_id, bar_time DESC, id DESC)
            SELECT w.model_id, w.pair_id, count(*) FILTER (WHERE w.action = 'entry'), count(*) FILTER (WHERE w.action = 'exit'), coalesce(max(f.fills), 0),
                   l.bar_time, l.action, l.model_version
            FROM w JOIN l USING (model_id, pair_id) LEFT JOIN f USING (model_id, pair_id)
            GROUP BY w.model_id, w.pair_id, l.bar_time, l.action, l.model_version ORDER BY 1, 2
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = since });
        return await ReadAllAsync(command, r => new PairActivity(
            r.GetString(0), r.GetString(1), r.GetInt64(2), r.GetInt64(3), r.GetInt64(4), r.GetDateTime(5), r.GetString(6), r.GetString(7)), cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async ValueTask<ImmutableArray<ScoreActivity>> ScoresAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        await using NpgsqlCommand command = _db.CreateCommand("""
            SELECT model_id, pair_id, model_version, count(*), count(*) FILTER (WHERE entered), avg(return_prob), avg(risk_score), max(bar_time)
            FROM core.live_scores WHERE stored_at >= $1 GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = since });
        return await ReadAllAsync(command, r => new ScoreActivity(
            r.GetString(0), r.GetString(1), r.GetString(2), r.GetInt64(3), r.GetInt64(4), r.GetDouble(5), r.GetDouble(6), r.GetDateTime(7)), cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async ValueTask<ImmutableArray<BarCoverage>> BarsAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using NpgsqlCommand command = _db.CreateCommand("SELECT symbol, timeframe_seconds, count(*), min(time), max(time) FROM core.bars GROUP BY 1, 2 ORDER BY 1, 2");
        return await ReadAllAsync(command, r =>
        {
            (int seconds, DateTime last) = (r.GetInt32(1), r.GetDateTime(4));
            double lag = (now.UtcDateTime - last.AddSeconds(seconds)).TotalSeconds;
            return new BarCoverage(r.GetString(0), seconds, r.GetInt64(2), r.GetDateTime(3), last, lag);
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async ValueTask<ImmutableArray<HostHeartbeat>> HeartbeatsAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using NpgsqlCommand command = _db.CreateCommand("SELECT host, service, seen_at, details::text FROM core.heartbeats ORDER BY host, service");
        return await ReadAllAsync(command, r =>
        {
            DateTimeOffset seen = r.GetFieldValue<DateTimeOffset>(2);
            return new HostHeartbeat(r.GetString(0), r.GetString(1), seen, (now - seen).TotalSeconds, r.GetString(3));
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async ValueTask<ImmutableArray<PairPosition>> PositionsAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<EngineCheckpoint> checkpoints = await new PostgresCheckpointStore(_db).ReadAsync(cancellationToken).ConfigureAwait(false);
        return [.. checkpoints.Select(c => new PairPosition(
            c.ModelId, c.PairId, c.ModelVersion, c.Watermark,
            c.Position.Position is not null || c.Position.PendingEntry is not null || c.Position.PendingExit is not null, c.EquityPeak))];
    }

    private static async Task<ImmutableArray<T>> ReadAllAsync<T>(NpgsqlCommand command, Func<NpgsqlDataReader, T> read, CancellationToken cancellationToken)
    {
        await using NpgsqlDataReader reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var rows = ImmutableArray.CreateBuilder<T>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add(read(reader));
        }

        return rows.ToImmutable();
    }
}
