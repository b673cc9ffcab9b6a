namespace Alpha.Inference;

/// <summary>What a sharded <see cref="InferenceWorker"/> needs besides its outbox and relay: how engines are loaded, where their bars come from, the shards' leases and the durable checkpoints.</summary>
public sealed record ShardServices
{
    /// <summary>Loads (and reloads, on a hot-swap or a takeover) the engines of a shard.</summary>
    public required EngineLoader Engines { get; init; }

    /// <summary>Opens the bar source of a shard's engines (every stream their legs need, from the beginning: engines skip what they have decided).</summary>
    public required Func<IReadOnlyList<PairEngine>, IBarSource> Sources { get; init; }

    /// <summary>The lease of a shard by name; null when this worker owns every shard it serves (one worker, or the embedded mode).</summary>
    /// <value>The default is null.</value>
    public Func<string, IShardLease>? Leases { get; init; }

    /// <summary>
    /// The checkpoints each durable relay target holds (PostgreSQL's, Redis'), none newer than the signals it holds. A shard
    /// is restored from the oldest of these and the outbox's, so that every signal some target may lack is regenerated;
    /// when a store lacks a pair's checkpoint or cannot be read, the pair replays from its first bar. Empty: the outbox's only.
    /// </summary>
    /// <value>The default is none.</value>
    public IReadOnlyList<ICheckpointStore> Checkpoints { get; init; } = [];

    /// <summary>Raises <c>dd_policy.yaml</c>'s levels in the operator flags after each poll; null when the host has no flag store.</summary>
    /// <value>The default is null.</value>
    public DrawdownGuard? Drawdown { get; init; }
}
