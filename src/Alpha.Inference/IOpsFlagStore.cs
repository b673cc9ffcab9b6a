namespace Alpha.Inference;

/// <summary>
/// Where operator flags are kept (DESIGN.md § 6 "Worker"): Redis' hash is the fast copy the worker reads, PostgreSQL's
/// table the durable one it is reloaded from when Redis lost it.
/// </summary>
public interface IOpsFlagStore
{
    /// <summary>The store's name, in logs.</summary>
    string Name { get; }

    /// <summary>Every entry, or null when the store holds none at all (never set, or lost).</summary>
    /// <exception cref="InvalidDataException">An entry is malformed (named).</exception>
    ValueTask<OpsFlagTable?> ReadAsync(CancellationToken cancellationToken);

    /// <summary>Replaces every entry with <paramref name="table"/>, at once.</summary>
    /// <param name="table">The flags.</param>
    /// <param name="actor">Who changes them (kept where the store records it).</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    ValueTask WriteAsync(OpsFlagTable table, string actor, CancellationToken cancellationToken);

    /// <summary>
    /// Combines one entry with <paramref name="flags"/> (<see cref="OpsFlags.Combine"/>: it only ever becomes more
    /// restrictive), atomically, leaving every other entry as it is — how a drawdown level raises a halt.
    /// </summary>
    /// <param name="modelId">The model id, or <see cref="OpsFlagTable.Any"/>.</param>
    /// <param name="pairId">The pair id, or <see cref="OpsFlagTable.Any"/>.</param>
    /// <param name="flags">The flags to add.</param>
    /// <param name="actor">Who raises them, and why (kept where the store records it).</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    ValueTask RaiseAsync(string modelId, string pairId, OpsFlags flags, string actor, CancellationToken cancellationToken);

    /// <summary>
    /// Clears every entry within a scope — the entries <see cref="OpsFlagTable.Covers"/> says (<paramref name="modelId"/>,
    /// <paramref name="pairId"/>) includes — and then sets the scope's own entry to <paramref name="flags"/> unless they are
    /// <see cref="OpsFlags.Normal"/>, atomically: how an operator resumes (a canary resume keeps a leverage scale).
    /// </summary>
    /// <param name="modelId">The model id, or <see cref="OpsFlagTable.Any"/>.</param>
    /// <param name="pairId">The pair id, or <see cref="OpsFlagTable.Any"/>.</param>
    /// <param name="flags">What the scope's entry keeps.</param>
    /// <param name="actor">Who resets them, and why (kept where the store records it).</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    ValueTask ResetAsync(string modelId, string pairId, OpsFlags flags, string actor, CancellationToken cancellationToken);
}
