namespace Alpha.Inference;

/// <summary>
/// The worker's local, durable spool (DESIGN.md § 6 "Worker"): a batch is stored in one transaction, then each relay
/// target delivers the entries after its own cursor, in order, and moves the cursor; an entry every target has delivered
/// may be dropped. It also keeps each engine's latest checkpoint, which the worker restores from at start.
/// </summary>
public interface IOutbox
{
    /// <summary>Stores the batch durably (and the latest checkpoint per engine) in one transaction; returns its sequence.</summary>
    ValueTask<long> AppendAsync(OutboxBatch batch, CancellationToken cancellationToken);

    /// <summary>The latest checkpoint of every engine that has one.</summary>
    ValueTask<IReadOnlyList<EngineCheckpoint>> ReadCheckpointsAsync(CancellationToken cancellationToken);

    /// <summary>Up to <paramref name="max"/> entries after <paramref name="target"/>'s cursor, in order.</summary>
    ValueTask<IReadOnlyList<OutboxEntry>> ReadPendingAsync(string target, int max, CancellationToken cancellationToken);

    /// <summary>Moves <paramref name="target"/>'s cursor to <paramref name="sequence"/> (never backwards).</summary>
    ValueTask MarkDeliveredAsync(string target, long sequence, CancellationToken cancellationToken);

    /// <summary>How many entries <paramref name="target"/> has not delivered yet.</summary>
    ValueTask<long> CountPendingAsync(string target, CancellationToken cancellationToken);
}
