using Alpha.Inference;
using Npgsql;

namespace Alpha.Storage.Postgres;

/// <summary>
/// The engines' durable checkpoints, <c>core.pair_checkpoints</c> (written by <see cref="PostgresWorkerTarget"/>, never
/// moved backwards): where a worker that takes over a shard restores each pair from.
/// </summary>
public sealed class PostgresCheckpointStore : ICheckpointStore
{
    private readonly NpgsqlDataSource _db;

    /// <summary>Creates the store.</summary>
    public PostgresCheckpointStore(NpgsqlDataSource dataSource)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        _db = dataSource;
    }

    /// <inheritdoc/>
    public string Name => "postgres";

    /// <inheritdoc/>
    /// <exception cref="InvalidDataException">A stored checkpoint is not one (named by model and pair).</exception>
    public async ValueTask<IReadOnlyList<EngineCheckpoint>> ReadAsync(CancellationToken cancellationToken)
    {
        await using NpgsqlCommand command = _db.CreateCommand("SELECT model_id, pair_id, checkpoint::text FROM core.pair_checkpoints ORDER BY model_id, pair_id");
        await using NpgsqlDataReader reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var checkpoints = new List<EngineCheckpoint>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            try
            {
                checkpoints.Add(CheckpointJson.Parse(System.Text.Encoding.UTF8.GetBytes(reader.GetString(2))));
            }
            catch (InvalidDataException e)
            {
                throw new InvalidDataException($"core.pair_checkpoints ({reader.GetString(0)}, {reader.GetString(1)}): not a checkpoint ({e.Message}).", e);
            }
        }

        return checkpoints;
    }
}
