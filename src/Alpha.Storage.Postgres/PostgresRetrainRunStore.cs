using System.Collections.Immutable;
using Alpha.Retraining;
using Npgsql;
using NpgsqlTypes;

namespace Alpha.Storage.Postgres;

/// <summary>Retraining runs in <c>audit.retrain_runs</c>: the (schedule, scheduled time) primary key makes a start win once across hosts.</summary>
public sealed class PostgresRetrainRunStore : IRetrainRunStore
{
    private const string Columns =
        "schedule_id, scheduled_for, run_id, trigger, cause, status, retry_count, host, started_at, heartbeat_at, ended_at, model_version, theta1, theta2, metrics, log_path, error_message";

    private readonly NpgsqlDataSource _db;

    /// <summary>Creates the store.</summary>
    public PostgresRetrainRunStore(NpgsqlDataSource dataSource)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        _db = dataSource;
    }

    /// <inheritdoc/>
    public async ValueTask<bool> TryStartAsync(RetrainRun run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        await using NpgsqlCommand command = _db.CreateCommand(
            $"INSERT INTO audit.retrain_runs ({Columns}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17) ON CONFLICT (schedule_id, scheduled_for) DO NOTHING");
        Bind(command, run);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    /// <inheritdoc/>
    public async ValueTask UpdateAsync(RetrainRun run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        await using NpgsqlCommand command = _db.CreateCommand("""
            UPDATE audit.retrain_runs SET run_id = $3, trigger = $4, cause = $5, status = $6, retry_count = $7, host = $8, started_at = $9, heartbeat_at = $10,
                ended_at = $11, model_version = $12, theta1 = $13, theta2 = $14, metrics = $15, log_path = $16, error_message = $17
            WHERE schedule_id = $1 AND scheduled_for = $2
            """);
        Bind(command, run);
        if (await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) != 1)
        {
            throw new InvalidOperationException($"No run of {run.ScheduleId} for {run.ScheduledFor:O} is stored in audit.retrain_runs.");
        }
    }

    /// <inheritdoc/>
    public async ValueTask<ImmutableArray<RetrainRun>> RecentAsync(string scheduleId, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, 1000);
        await using NpgsqlCommand command = _db.CreateCommand($"SELECT {Columns} FROM audit.retrain_runs WHERE schedule_id = $1 ORDER BY scheduled_for DESC LIMIT $2");
        command.Parameters.Add(new NpgsqlParameter { Value = scheduleId });
        command.Parameters.Add(new NpgsqlParameter { Value = limit });
        await using NpgsqlDataReader r = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var runs = ImmutableArray.CreateBuilder<RetrainRun>();
        while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            RetrainOutcome? outcome = r.IsDBNull(11)
                ? null
                : new RetrainOutcome(r.GetString(11), r.GetDouble(12), r.GetDouble(13), RetrainOutcome.ParseMetrics(r.GetString(14)));
            runs.Add(new RetrainRun(
                r.GetGuid(2), r.GetString(0), r.GetFieldValue<DateTimeOffset>(1), RetrainRunStatuses.ParseTrigger(r.GetString(3)), r.GetString(4), RetrainRunStatuses.Parse(r.GetString(5)),
                r.GetInt16(6) + 1, r.GetString(7), r.GetFieldValue<DateTimeOffset>(8), r.GetFieldValue<DateTimeOffset>(9), r.IsDBNull(10) ? null : r.GetFieldValue<DateTimeOffset>(10),
                outcome, r.IsDBNull(15) ? null : r.GetString(15), r.IsDBNull(16) ? null : r.GetString(16)));
        }

        return runs.ToImmutable();
    }

    private static void Bind(NpgsqlCommand command, RetrainRun run)
    {
        foreach (object value in (object[])[run.ScheduleId, run.ScheduledFor, run.RunId, RetrainRunStatuses.Name(run.Trigger), run.Cause, RetrainRunStatuses.Name(run.Status), (short)run.RetryCount, run.Host, run.StartedAt, run.HeartbeatAt])
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        command.Parameters.Add(new NpgsqlParameter { Value = (object?)run.EndedAt ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)run.Outcome?.Version ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)run.Outcome?.Theta1 ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Double });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)run.Outcome?.Theta2 ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Double });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)run.Outcome?.MetricsJson() ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Jsonb });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)run.LogPath ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)run.Error ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
    }
}
