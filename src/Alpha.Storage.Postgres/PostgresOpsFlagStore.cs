using Alpha.Inference;
using Npgsql;

namespace Alpha.Storage.Postgres;

/// <summary>The durable copy of the operator flags: <c>core.ops_flags</c>, one row per (model_id, pair_id), <c>*</c> for any.</summary>
public sealed class PostgresOpsFlagStore : IOpsFlagStore
{
    private readonly NpgsqlDataSource _db;

    /// <summary>Creates the store.</summary>
    public PostgresOpsFlagStore(NpgsqlDataSource dataSource)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        _db = dataSource;
    }

    /// <inheritdoc/>
    public string Name => "postgres";

    /// <inheritdoc/>
    public async ValueTask<OpsFlagTable?> ReadAsync(CancellationToken cancellationToken)
    {
        await using NpgsqlCommand command = _db.CreateCommand("SELECT model_id, pair_id, soft_halt, hard_halt, flatten, leverage_scale FROM core.ops_flags");
        await using NpgsqlDataReader reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var rows = new List<KeyValuePair<(string, string), OpsFlags>>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add(new((reader.GetString(0), reader.GetString(1)), new OpsFlags(reader.GetBoolean(2), reader.GetBoolean(3), reader.GetBoolean(4), reader.GetDouble(5))));
        }

        return rows.Count == 0 ? null : new OpsFlagTable(rows);
    }

    /// <inheritdoc/>
    public async ValueTask RaiseAsync(string modelId, string pairId, OpsFlags flags, string actor, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        _ = new OpsFlagTable([new((modelId, pairId), flags)]);     // validates the ids and the scale
        await using NpgsqlCommand command = _db.CreateCommand("""
            INSERT INTO core.ops_flags AS f (model_id, pair_id, soft_halt, hard_halt, flatten, leverage_scale, updated_by) VALUES ($1, $2, $3, $4, $5, $6, $7)
            ON CONFLICT (model_id, pair_id) DO UPDATE SET
                soft_halt = f.soft_halt OR excluded.soft_halt, hard_halt = f.hard_halt OR excluded.hard_halt, flatten = f.flatten OR excluded.flatten,
                leverage_scale = LEAST(f.leverage_scale, excluded.leverage_scale), updated_at = now(), updated_by = excluded.updated_by
            """);
        foreach (object value in (object[])[modelId, pairId, flags.SoftHalt, flags.HardHalt, flags.Flatten, flags.LeverageScale, actor])
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public ValueTask WriteAsync(OpsFlagTable table, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        return ReplaceAsync(new NpgsqlBatchCommand("DELETE FROM core.ops_flags"), table.Entries.Select(e => (e.Key.ModelId, e.Key.PairId, e.Value)), actor, cancellationToken);
    }

    /// <inheritdoc/>
    public ValueTask ResetAsync(string modelId, string pairId, OpsFlags flags, string actor, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        _ = new OpsFlagTable([new((modelId, pairId), flags)]);     // validates the ids and the scale
        var delete = new NpgsqlBatchCommand("DELETE FROM core.ops_flags WHERE ($1 = '*' OR model_id = $1) AND ($2 = '*' OR pair_id = $2)");
        delete.Parameters.Add(new NpgsqlParameter { Value = modelId });
        delete.Parameters.Add(new NpgsqlParameter { Value = pairId });
        return ReplaceAsync(delete, flags == OpsFlags.Normal ? [] : [(modelId, pairId, flags)], actor, cancellationToken);
    }

    // One transaction: the delete, then the entries inserted.
    private async ValueTask ReplaceAsync(NpgsqlBatchCommand delete, IEnumerable<(string ModelId, string PairId, OpsFlags Flags)> entries, string actor, CancellationToken cancellationToken)
    {
        await using NpgsqlConnection connection = await _db.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using NpgsqlTransaction tx = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using var batch = new NpgsqlBatch(connection, tx);
        batch.BatchCommands.Add(delete);
        foreach ((string model, string pair, OpsFlags f) in entries)
        {
            var insert = new NpgsqlBatchCommand("INSERT INTO core.ops_flags (model_id, pair_id, soft_halt, hard_halt, flatten, leverage_scale, updated_by) VALUES ($1, $2, $3, $4, $5, $6, $7)");
            foreach (object value in (object[])[model, pair, f.SoftHalt, f.HardHalt, f.Flatten, f.LeverageScale, actor])
            {
                insert.Parameters.Add(new NpgsqlParameter { Value = value });
            }

            batch.BatchCommands.Add(insert);
        }

        await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
    }
}
