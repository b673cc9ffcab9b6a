using System.Collections.Immutable;
using Alpha.Operations;
using Npgsql;

namespace Alpha.Storage.Postgres;

/// <summary>The audit log in <c>audit.analytics_actions</c>; the table refuses updates and deletes (a trigger).</summary>
public sealed class PostgresAuditLog : IAuditLog
{
    private readonly NpgsqlDataSource _db;

    /// <summary>Creates the log.</summary>
    public PostgresAuditLog(NpgsqlDataSource dataSource)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        _db = dataSource;
    }

    /// <inheritdoc/>
    public async ValueTask<long> AppendAsync(AuditRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        await using NpgsqlCommand command = _db.CreateCommand("""
            INSERT INTO audit.analytics_actions (at, actor, role, action, target, reason, payload_sha256, outcome, detail)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id
            """);
        foreach (object? value in (object?[])[record.Time, record.Actor, OperatorRoles.Name(record.Role), record.Action, record.Target, record.Reason, record.PayloadSha256, AuditOutcomes.Name(record.Outcome), record.Detail])
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
        }

        return (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    /// <inheritdoc/>
    public async ValueTask<ImmutableArray<AuditEntry>> RecentAsync(string? action, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, 1000);
        await using NpgsqlCommand command = _db.CreateCommand("""
            SELECT id, at, actor, role, action, target, reason, payload_sha256, outcome, detail FROM audit.analytics_actions
            WHERE $1::text IS NULL OR action = $1 ORDER BY id DESC LIMIT $2
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)action ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = limit });
        await using NpgsqlDataReader r = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var entries = ImmutableArray.CreateBuilder<AuditEntry>();
        while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            entries.Add(new AuditEntry(r.GetInt64(0), new AuditRecord(
                r.GetFieldValue<DateTimeOffset>(1), r.GetString(2), OperatorRoles.Parse(r.GetString(3)), r.GetString(4), r.GetString(5),
                r.IsDBNull(6) ? null : r.GetString(6), r.GetString(7), AuditOutcomes.Parse(r.GetString(8), "audit.analytics_actions"), r.GetString(9))));
        }

        return entries.ToImmutable();
    }
}
