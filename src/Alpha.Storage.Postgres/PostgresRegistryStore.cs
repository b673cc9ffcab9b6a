using System.Collections.Immutable;
using System.Data;
using Alpha.Registry;
using Npgsql;
using NpgsqlTypes;

namespace Alpha.Storage.Postgres;

/// <summary>
/// The registry's event logs in PostgreSQL (run <see cref="DatabaseMigrator.MigrateAsync"/> first): events in
/// <c>core.model_events</c> (append-only: a trigger refuses updates and deletes), the acknowledged head and the deployed
/// pointer in <c>core.model_scopes</c>, version rows in <c>core.model_registry</c>. An append is one transaction that
/// locks the model id's pointer row (<c>SELECT … FOR UPDATE</c>), so appends to one model id from any number of
/// processes are serialised.
/// </summary>
public sealed class PostgresRegistryStore : IRegistryStore
{
    private const string EventColumns = "sequence, model_version, kind, from_status, to_status, actor, role, reason, at, checksums_digest, previous_hash, hash";
    private readonly NpgsqlDataSource _dataSource;

    /// <summary>Creates the store over a data source the caller owns.</summary>
    public PostgresRegistryStore(NpgsqlDataSource dataSource)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        _dataSource = dataSource;
    }

    /// <inheritdoc/>
    public async ValueTask<ImmutableArray<string>> ListModelIdsAsync(CancellationToken cancellationToken = default)
    {
        await using NpgsqlCommand command = _dataSource.CreateCommand("SELECT model_id FROM core.model_scopes WHERE head_sequence > 0 ORDER BY model_id COLLATE \"C\"");
        await using NpgsqlDataReader reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var ids = ImmutableArray.CreateBuilder<string>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            ids.Add(reader.GetString(0));
        }

        return ids.ToImmutable();
    }

    /// <inheritdoc/>
    public async ValueTask<RegistryLog> ReadAsync(string modelId, CancellationToken cancellationToken = default)
    {
        ModelIds.EnsureValid(modelId);
        await using NpgsqlConnection connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using NpgsqlTransaction transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken).ConfigureAwait(false);
        RegistryLog log = await ReadAsync(connection, modelId, forUpdate: false, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return log;
    }

    /// <inheritdoc/>
    public async ValueTask<ImmutableArray<ModelVersionRecord>> ReadVersionsAsync(string modelId, CancellationToken cancellationToken = default)
    {
        ModelIds.EnsureValid(modelId);
        await using NpgsqlCommand command = _dataSource.CreateCommand("""
            SELECT model_version, created_at, created_by, dataset_index_path, feature_schema_path, model_ai1_path, model_ai2_path,
                   params_yaml_path, metrics_json::text, theta1, theta2, code_hash, data_hash, seed, notes
            FROM core.model_registry WHERE model_id = $1 ORDER BY created_at, model_version COLLATE "C"
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = modelId });
        await using NpgsqlDataReader r = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var records = ImmutableArray.CreateBuilder<ModelVersionRecord>();
        while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            records.Add(new ModelVersionRecord(
                r.GetString(0), modelId, r.GetFieldValue<DateTimeOffset>(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(5), r.GetString(6), r.GetString(7), r.GetString(8),
                r.IsDBNull(9) ? double.NaN : r.GetDouble(9), r.IsDBNull(10) ? double.NaN : r.GetDouble(10), r.GetString(11), r.GetString(12), r.IsDBNull(13) ? null : r.GetInt64(13), r.GetString(14)));
        }

        return records.ToImmutable();
    }

    /// <inheritdoc/>
    public async ValueTask<RegistryLog> AppendAsync(string modelId, Func<RegistryLog, RegistryAppend> decide, CancellationToken cancellationToken = default)
    {
        ModelIds.EnsureValid(modelId);
        ArgumentNullException.ThrowIfNull(decide);
        await using NpgsqlConnection connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using NpgsqlTransaction transaction = await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken).ConfigureAwait(false);
        await using (var scope = new NpgsqlCommand("INSERT INTO core.model_scopes (model_id, head_sequence, head_hash) VALUES ($1, 0, $2) ON CONFLICT (model_id) DO NOTHING", connection))
        {
            scope.Parameters.Add(new NpgsqlParameter { Value = modelId });
            scope.Parameters.Add(new NpgsqlParameter { Value = RegistryLog.Empty(modelId).HeadHash });
            await scope.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        RegistryLog log = await ReadAsync(connection, modelId, forUpdate: true, cancellationToken).ConfigureAwait(false);
        RegistryAppend append = decide(log);
        if (append.Events.IsEmpty)
        {
            await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
            return log;
        }

        var batch = new NpgsqlBatch(connection);
        await using (batch.ConfigureAwait(false))
        {
            if (append.Row is { } record)
            {
                batch.BatchCommands.Add(Upsert(record));
            }

            foreach (RegistryEvent e in append.Events)
            {
                batch.BatchCommands.Add(Insert(e));
                if (e.Kind == RegistryEventKind.Transition && e.To is { } to)
                {
                    batch.BatchCommands.Add(Command(
                        "UPDATE core.model_registry SET status = $3 WHERE model_id = $1 AND model_version = $2", e.ModelId, e.Version, ModelLifecycle.Name(to)));
                    if (to == ModelStatus.Deployed)
                    {
                        batch.BatchCommands.Add(Command("UPDATE core.model_scopes SET deployed_version = $2 WHERE model_id = $1", modelId, e.Version));
                    }
                    else if (e.From == ModelStatus.Deployed)
                    {
                        batch.BatchCommands.Add(Command("UPDATE core.model_scopes SET deployed_version = NULL WHERE model_id = $1 AND deployed_version = $2", modelId, e.Version));
                    }
                }
            }

            RegistryEvent head = append.Events[^1];
            batch.BatchCommands.Add(Command("UPDATE core.model_scopes SET head_sequence = $2, head_hash = $3, updated_at = now() WHERE model_id = $1", modelId, head.Sequence, head.Hash));
            await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        RegistryEvent last = append.Events[^1];
        return log with { Events = log.Events.AddRange(append.Events), HeadSequence = last.Sequence, HeadHash = last.Hash };
    }

    private static async Task<RegistryLog> ReadAsync(NpgsqlConnection connection, string modelId, bool forUpdate, CancellationToken cancellationToken)
    {
        RegistryLog log = RegistryLog.Empty(modelId);
        await using (var head = new NpgsqlCommand($"SELECT head_sequence, head_hash FROM core.model_scopes WHERE model_id = $1{(forUpdate ? " FOR UPDATE" : "")}", connection))
        {
            head.Parameters.Add(new NpgsqlParameter { Value = modelId });
            await using NpgsqlDataReader reader = await head.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            if (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                log = log with { HeadSequence = reader.GetInt64(0), HeadHash = reader.GetString(1) };
            }
        }

        await using var events = new NpgsqlCommand($"SELECT {EventColumns} FROM core.model_events WHERE model_id = $1 ORDER BY sequence", connection);
        events.Parameters.Add(new NpgsqlParameter { Value = modelId });
        await using NpgsqlDataReader r = await events.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var list = ImmutableArray.CreateBuilder<RegistryEvent>();
        while (await r.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            long sequence = r.GetInt64(0);
            try
            {
                list.Add(new RegistryEvent(
                    sequence, modelId, r.GetString(1), RegistryEventKinds.Parse(r.GetString(2)),
                    r.IsDBNull(3) ? null : ModelLifecycle.Parse(r.GetString(3)), r.IsDBNull(4) ? null : ModelLifecycle.Parse(r.GetString(4)),
                    r.GetString(5), r.GetString(6), r.IsDBNull(7) ? null : r.GetString(7), r.GetFieldValue<DateTimeOffset>(8), r.GetString(9), r.GetString(10), r.GetString(11)));
            }
            catch (Exception e) when (e is FormatException or ArgumentException)
            {
                throw new RegistryLogException(modelId, sequence, $"core.model_events row {sequence} is not a registry event: {e.Message}");
            }
        }

        return log with { Events = list.ToImmutable() };
    }

    private static NpgsqlBatchCommand Insert(RegistryEvent e)
    {
        var command = new NpgsqlBatchCommand($"INSERT INTO core.model_events (model_id, {EventColumns}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)");
        command.Parameters.Add(new NpgsqlParameter { Value = e.ModelId });
        command.Parameters.Add(new NpgsqlParameter { Value = e.Sequence });
        command.Parameters.Add(new NpgsqlParameter { Value = e.Version });
        command.Parameters.Add(new NpgsqlParameter { Value = RegistryEventKinds.Name(e.Kind) });
        command.Parameters.Add(Text(e.From is { } from ? ModelLifecycle.Name(from) : null));
        command.Parameters.Add(Text(e.To is { } to ? ModelLifecycle.Name(to) : null));
        command.Parameters.Add(new NpgsqlParameter { Value = e.Actor });
        command.Parameters.Add(new NpgsqlParameter { Value = e.Role });
        command.Parameters.Add(Text(e.Reason));
        command.Parameters.Add(new NpgsqlParameter { Value = e.At.ToUniversalTime(), NpgsqlDbType = NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new NpgsqlParameter { Value = e.ChecksumsDigest });
        command.Parameters.Add(new NpgsqlParameter { Value = e.PreviousHash });
        command.Parameters.Add(new NpgsqlParameter { Value = e.Hash });
        return command;
    }

    private static NpgsqlBatchCommand Upsert(ModelVersionRecord r)
    {
        var command = new NpgsqlBatchCommand("""
            INSERT INTO core.model_registry (model_id, model_version, status, created_at, created_by, dataset_index_path, feature_schema_path,
                model_ai1_path, model_ai2_path, params_yaml_path, metrics_json, theta1, theta2, code_hash, data_hash, seed, notes)
            VALUES ($1, $2, 'draft', $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)
            ON CONFLICT (model_id, model_version) DO UPDATE SET notes = EXCLUDED.notes
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = r.ModelId });
        command.Parameters.Add(new NpgsqlParameter { Value = r.ModelVersion });
        command.Parameters.Add(new NpgsqlParameter { Value = r.CreatedAt.ToUniversalTime(), NpgsqlDbType = NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new NpgsqlParameter { Value = r.CreatedBy });
        command.Parameters.Add(new NpgsqlParameter { Value = r.DatasetIndexPath });
        command.Parameters.Add(new NpgsqlParameter { Value = r.FeatureSchemaPath });
        command.Parameters.Add(new NpgsqlParameter { Value = r.ModelAi1Path });
        command.Parameters.Add(new NpgsqlParameter { Value = r.ModelAi2Path });
        command.Parameters.Add(new NpgsqlParameter { Value = r.ParamsYamlPath });
        command.Parameters.Add(new NpgsqlParameter { Value = r.MetricsJson, NpgsqlDbType = NpgsqlDbType.Jsonb });
        command.Parameters.Add(Number(r.Theta1));
        command.Parameters.Add(Number(r.Theta2));
        command.Parameters.Add(new NpgsqlParameter { Value = r.CodeHash });
        command.Parameters.Add(new NpgsqlParameter { Value = r.DataHash });
        command.Parameters.Add(new NpgsqlParameter { Value = r.Seed is { } seed ? seed : DBNull.Value, NpgsqlDbType = NpgsqlDbType.Bigint });
        command.Parameters.Add(new NpgsqlParameter { Value = r.Notes });
        return command;
    }

    private static NpgsqlBatchCommand Command(string sql, params object[] values)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (object value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        return command;
    }

    private static NpgsqlParameter Text(string? value) => new() { Value = (object?)value ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text };

    private static NpgsqlParameter Number(double value) => new() { Value = double.IsNaN(value) ? DBNull.Value : value, NpgsqlDbType = NpgsqlDbType.Double };
}
