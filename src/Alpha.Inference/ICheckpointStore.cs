namespace Alpha.Inference;

/// <summary>
/// The durable copy of the engines' checkpoints that every worker can read (PostgreSQL's <c>core.pair_checkpoints</c>):
/// where a new owner of a shard restores each pair from when the checkpoint in its own outbox is older or missing.
/// </summary>
public interface ICheckpointStore
{
    /// <summary>The store's name, in logs.</summary>
    string Name { get; }

    /// <summary>The latest checkpoint of every engine that has one.</summary>
    ValueTask<IReadOnlyList<EngineCheckpoint>> ReadAsync(CancellationToken cancellationToken);
}
