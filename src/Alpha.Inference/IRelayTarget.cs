namespace Alpha.Inference;

/// <summary>
/// Where the outbox relay delivers (Redis, PostgreSQL, a JSON-lines file). Delivery must be idempotent: after a crash
/// the relay delivers again from the target's cursor, and an entry delivered twice changes nothing (the signal id is
/// the guard). A target that throws is retried with backoff; the others carry on.
/// </summary>
public interface IRelayTarget
{
    /// <summary>The target's name: its cursor in the outbox, its label in logs and metrics.</summary>
    string Name { get; }

    /// <summary>Delivers the entries, in order, taking what the target keeps (e.g. only signals).</summary>
    ValueTask DeliverAsync(IReadOnlyList<OutboxEntry> entries, CancellationToken cancellationToken);
}
