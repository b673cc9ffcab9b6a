using System.Collections.Immutable;
using Alpha.Retraining;
using Npgsql;
using NpgsqlTypes;

namespace Alpha.Storage.Postgres;

/// <summary>Retraining runs in <c>audit.retrain_runs</c>: the (schedule, scheduled time) primary key makes a start win once across hosts.</summary>
public sealed class PostgresRetrainRunStore : IRetrainRunStore
{
    private const string Columns = "schedule_id, scheduled_for, trigger, status, attempts, host, started_at, heartbeat_at, finished_at, version, error";
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
            $"INSERT INTO audit.retrain_runs ({Columns}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) ON CONFLICT (schedule_id, scheduled_for) DO NOTHING");
        Bind(command, run);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    /// <inheritdoc/>
    public async ValueTask UpdateAsync(RetrainRun run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        await using NpgsqlCommand command = _db.CreateCommand("""
            UPDATE audit.retrain_runs SET trigger = $3, status = $4, attempts = $5, host = $6, started_at = $7, heartbeat_at = $8, finished_at = $9, version = $10, error = $11
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
            runs.Add(new RetrainRun(
                r.GetString(0), r.GetFieldValue<DateTimeOffset>(1), RetrainRunStatuses.ParseTrigger(r.GetString(2)), RetrainRunStatuses.Parse(r.GetString(3)), r.GetInt32(4), r.GetString(5),
                r.GetFieldValue<DateTimeOffset>(6), r.GetFieldValue<DateTimeOffset>(7), r.IsDBNull(8) ? null : r.GetFieldValue<DateTimeOffset>(8),
                r.IsDBNull(9) ? null : r.GetString(9), r.IsDBNull(10) ? null : r.GetString(10)));
        }

        return runs.ToImmutable();
    }

    private static void Bind(NpgsqlCommand command, RetrainRun run)
    {
        foreach (object value in (object[])[run.ScheduleId, run.ScheduledFor, RetrainRunStatuses.Name(run.Trigger), RetrainRunStatuses.Name(run.Status), run.Attempts, run.Host, run.StartedAt, run.HeartbeatAt])
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        command.Parameters.Add(new NpgsqlParameter { Value = (object?)run.FinishedAt ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)run.Version ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)run.Error ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
    }
}
