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

    /// <summary>The durable checkpoints a new owner restores from when its outbox holds older ones (or none); null for the outbox's only.</summary>
    /// <value>The default is null.</value>
    public ICheckpointStore? Checkpoints { get; init; }

    /// <summary>Raises <c>dd_policy.yaml</c>'s levels in the operator flags after each poll; null when the host has no flag store.</summary>
    /// <value>The default is null.</value>
    public DrawdownGuard? Drawdown { get; init; }
}
