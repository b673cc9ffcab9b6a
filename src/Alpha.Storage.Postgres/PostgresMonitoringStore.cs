using System.Collections.Immutable;
using System.Text.Json;
using Alpha.Operations;
using Npgsql;
using NpgsqlTypes;

namespace Alpha.Storage.Postgres;

/// <summary>Degradation verdicts in <c>core.monitoring_verdicts</c>.</summary>
public sealed class PostgresMonitoringStore : IMonitoringStore
{
    private readonly NpgsqlDataSource _db;

    /// <summary>Creates the store.</summary>
    public PostgresMonitoringStore(NpgsqlDataSource dataSource)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        _db = dataSource;
    }

    /// <inheritdoc/>
    public async ValueTask AppendAsync(MonitoringRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        await using NpgsqlCommand command = _db.CreateCommand("""
            INSERT INTO core.monitoring_verdicts (model_id, version, window_start, evaluated_at, level, retrain_recommended, verdict)
            VALUES ($1, $2, $3, $4, $5, $6, $7)
            """);
        foreach (object value in (object[])[record.ModelId, record.Version, record.WindowStart, record.EvaluatedAt, record.Level, record.RetrainRecommended])
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        command.Parameters.Add(new NpgsqlParameter { Value = record.Verdict.GetRawText(), NpgsqlDbType = NpgsqlDbType.Jsonb });
        _ = await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async ValueTask<ImmutableArray<MonitoringRecord>> LatestAsync(CancellationToken cancellationToken)
    {
        await using NpgsqlCommand command = _db.CreateCommand("""
            SELECT DISTINCT ON (model_id) model_id, version, window_start, evaluated_at, level, retrain_recommended, verdict::text
            FROM core.monitoring_verdicts ORDER BY model_id, id DESC
            """);
        await using NpgsqlDataReader r = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var records = ImmutableArray.CreateBuilder<MonitoringRecord>();
        while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            using JsonDocument verdict = JsonDocument.Parse(r.GetString(6));
            records.Add(new MonitoringRecord(
                r.GetString(0), r.GetString(1), r.GetFieldValue<DateTimeOffset>(2), r.GetFieldValue<DateTimeOffset>(3), r.GetString(4), r.GetBoolean(5), verdict.RootElement.Clone()));
        }

        return records.ToImmutable();
    }
}
