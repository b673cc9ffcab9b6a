namespace Alpha.Inference;

/// <summary>A batch as the outbox stored it.</summary>
/// <param name="Sequence">Its position in the outbox (increasing; a relay target's cursor is the last it delivered).</param>
/// <param name="Batch">The batch.</param>
public sealed record OutboxEntry(long Sequence, OutboxBatch Batch);
