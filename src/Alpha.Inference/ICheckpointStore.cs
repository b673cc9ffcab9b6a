namespace Alpha.Inference;

/// <summary>
/// The checkpoints a durable relay target holds, which every worker can read (PostgreSQL's <c>core.pair_checkpoints</c>,
/// Redis' checkpoint hash): delivered after the signals of the same batch, so never ahead of them. A worker that takes a
/// shard over restores each pair from the oldest checkpoint among these and its outbox's.
/// </summary>
public interface ICheckpointStore
{
    /// <summary>The store's name, in logs.</summary>
    string Name { get; }

    /// <summary>The latest checkpoint of every engine that has one.</summary>
    ValueTask<IReadOnlyList<EngineCheckpoint>> ReadAsync(CancellationToken cancellationToken);
}
