using Alpha.Inference;
using StackExchange.Redis;

namespace Alpha.Messaging.Redis;

/// <summary>
/// The checkpoints <see cref="RedisSignalTarget"/> delivered (<see cref="RedisKeys.Checkpoints"/>): each no newer than the
/// signals Redis holds, so a worker that takes over a shard can restore from the older of this and PostgreSQL's.
/// </summary>
public sealed class RedisCheckpointStore : ICheckpointStore
{
    private readonly IDatabase _db;
    private readonly RedisKeys _keys;

    /// <summary>Creates the store.</summary>
    public RedisCheckpointStore(IConnectionMultiplexer redis, RedisKeys? keys = null)
    {
        ArgumentNullException.ThrowIfNull(redis);
        _db = redis.GetDatabase();
        _keys = keys ?? new RedisKeys();
    }

    /// <inheritdoc/>
    public string Name => "redis";

    /// <inheritdoc/>
    /// <exception cref="InvalidDataException">A stored checkpoint is not one (its field named).</exception>
    public async ValueTask<IReadOnlyList<EngineCheckpoint>> ReadAsync(CancellationToken cancellationToken)
    {
        HashEntry[] entries = await _db.HashGetAllAsync(_keys.Checkpoints).ConfigureAwait(false);
        var checkpoints = new List<EngineCheckpoint>(entries.Length);
        foreach (HashEntry entry in entries)
        {
            try
            {
                checkpoints.Add(CheckpointJson.Parse((byte[])entry.Value!));
            }
            catch (InvalidDataException e)
            {
                throw new InvalidDataException($"{_keys.Checkpoints}: field '{entry.Name}': {e.Message}", e);
            }
        }

        return checkpoints;
    }
}
