using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization;
using Alpha.Operations;
using Npgsql;
using NpgsqlTypes;

namespace Alpha.Storage.Postgres;

/// <summary>
/// Configuration changes in <c>core.config_proposals</c> (status and the change as JSON) and their audit trail in
/// <c>audit.config_changes</c>, where updates and deletes are refused (a trigger). A replacement is one conditional
/// UPDATE on the stored status and number of approvals, so two operators acting at once never both win.
/// </summary>
public sealed class PostgresConfigChangeStore : IConfigChangeStore
{
    private static readonly JsonSerializerOptions s_json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    private readonly NpgsqlDataSource _db;

    /// <summary>Creates the store.</summary>
    public PostgresConfigChangeStore(NpgsqlDataSource dataSource)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        _db = dataSource;
    }

    /// <inheritdoc/>
    public async ValueTask AddAsync(ConfigChange change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        await using NpgsqlCommand command = _db.CreateCommand("INSERT INTO core.config_proposals (id, status, proposed_at, body) VALUES ($1, $2, $3, $4)");
        command.Parameters.Add(new NpgsqlParameter { Value = change.Id });
        command.Parameters.Add(new NpgsqlParameter { Value = ConfigChangeStatuses.Name(change.Status) });
        command.Parameters.Add(new NpgsqlParameter { Value = change.ProposedAt });
        command.Parameters.Add(new NpgsqlParameter { Value = JsonSerializer.Serialize(change, s_json), NpgsqlDbType = NpgsqlDbType.Jsonb });
        _ = await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async ValueTask<ConfigChange?> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        await using NpgsqlCommand command = _db.CreateCommand("SELECT body::text FROM core.config_proposals WHERE id = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = id });
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is string body ? Parse(body) : null;
    }

    /// <inheritdoc/>
    public async ValueTask<ImmutableArray<ConfigChange>> ListAsync(ConfigChangeStatus? status, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, 1000);
        await using NpgsqlCommand command = _db.CreateCommand("SELECT body::text FROM core.config_proposals WHERE $1::text IS NULL OR status = $1 ORDER BY id DESC LIMIT $2");
        command.Parameters.Add(new NpgsqlParameter { Value = status is { } s ? ConfigChangeStatuses.Name(s) : DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = limit });
        await using NpgsqlDataReader r = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var changes = ImmutableArray.CreateBuilder<ConfigChange>();
        while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            changes.Add(Parse(r.GetString(0)));
        }

        return changes.ToImmutable();
    }

    /// <inheritdoc/>
    public async ValueTask<bool> ReplaceAsync(ConfigChange previous, ConfigChange replacement, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(previous);
        ArgumentNullException.ThrowIfNull(replacement);
        if (previous.Id != replacement.Id)
        {
            throw new ArgumentException($"The replacement's id {replacement.Id} is not {previous.Id}.", nameof(replacement));
        }

        await using NpgsqlCommand command = _db.CreateCommand("""
            UPDATE core.config_proposals SET status = $2, body = $3
            WHERE id = $1 AND status = $4 AND jsonb_array_length(body -> 'approvals') = $5
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = previous.Id });
        command.Parameters.Add(new NpgsqlParameter { Value = ConfigChangeStatuses.Name(replacement.Status) });
        command.Parameters.Add(new NpgsqlParameter { Value = JsonSerializer.Serialize(replacement, s_json), NpgsqlDbType = NpgsqlDbType.Jsonb });
        command.Parameters.Add(new NpgsqlParameter { Value = ConfigChangeStatuses.Name(previous.Status) });
        command.Parameters.Add(new NpgsqlParameter { Value = previous.Approvals.Length });
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    /// <inheritdoc/>
    public async ValueTask<long> AppendAsync(ConfigAuditRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        AuditRecord a = record.Record;
        await using NpgsqlCommand command = _db.CreateCommand("""
            INSERT INTO audit.config_changes (at, change_id, actor, role, action, target, reason, payload_sha256, before_sha256, after_sha256, outcome, detail)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = a.Time });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)record.ChangeId ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Uuid });
        foreach (object? value in (object?[])[a.Actor, OperatorRoles.Name(a.Role), a.Action, a.Target, a.Reason, a.PayloadSha256, record.BeforeSha256, record.AfterSha256, AuditOutcomes.Name(a.Outcome), a.Detail])
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        }

        return (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    /// <inheritdoc/>
    public async ValueTask<ImmutableArray<ConfigAuditEntry>> HistoryAsync(Guid? changeId, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, 1000);
        await using NpgsqlCommand command = _db.CreateCommand("""
            SELECT id, at, change_id, actor, role, action, target, reason, payload_sha256, before_sha256, after_sha256, outcome, detail
            FROM audit.config_changes WHERE $1::uuid IS NULL OR change_id = $1 ORDER BY id DESC LIMIT $2
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)changeId ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Uuid });
        command.Parameters.Add(new NpgsqlParameter { Value = limit });
        await using NpgsqlDataReader r = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var entries = ImmutableArray.CreateBuilder<ConfigAuditEntry>();
        while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var record = new AuditRecord(
                r.GetFieldValue<DateTimeOffset>(1), r.GetString(3), OperatorRoles.Parse(r.GetString(4)), r.GetString(5), r.GetString(6),
                Text(r, 7), r.GetString(8), AuditOutcomes.Parse(r.GetString(11), "audit.config_changes"), r.GetString(12));
            entries.Add(new ConfigAuditEntry(r.GetInt64(0), new ConfigAuditRecord(record, r.IsDBNull(2) ? null : r.GetGuid(2), Text(r, 9), Text(r, 10))));
        }

        return entries.ToImmutable();
    }

    private static string? Text(NpgsqlDataReader r, int ordinal) => r.IsDBNull(ordinal) ? null : r.GetString(ordinal);

    private static ConfigChange Parse(string body) =>
        JsonSerializer.Deserialize<ConfigChange>(body, s_json) ?? throw new InvalidDataException("core.config_proposals: a body is null.");
}
