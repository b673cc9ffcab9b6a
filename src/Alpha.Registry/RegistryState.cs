using System.Collections.Immutable;

namespace Alpha.Registry;

/// <summary>The state of one model id derived from its verified events: each version's status and the deploy history.</summary>
internal sealed class RegistryState
{
    private readonly Dictionary<string, (ModelStatus Status, DateTimeOffset Since, string Digest)> _versions = new(StringComparer.Ordinal);
    private readonly List<string> _order = [];
    private readonly List<string> _deployments = [];

    private RegistryState(RegistryLog log)
    {
        Log = log;
        foreach (RegistryEvent e in log.Events)
        {
            if (e.Kind != RegistryEventKind.Transition || e.To is not { } to)
            {
                continue;
            }

            if (!_versions.TryGetValue(e.Version, out var current))
            {
                _order.Add(e.Version);
                current = (to, e.At, e.ChecksumsDigest);
            }

            _versions[e.Version] = (to, e.At, current.Digest);
            if (to == ModelStatus.Deployed)
            {
                _deployments.Add(e.Version);
            }
        }
    }

    public RegistryLog Log { get; }

    public string ModelId => Log.ModelId;

    /// <summary>The deployed version; <see langword="null"/> when none is.</summary>
    public string? Deployed => _deployments.Count > 0 && Status(_deployments[^1]) == ModelStatus.Deployed ? _deployments[^1] : null;

    /// <summary>Versions ever deployed, most recent first, each once.</summary>
    public IEnumerable<string> DeployedMostRecentFirst => Enumerable.Reverse(_deployments).Distinct(StringComparer.Ordinal);

    public IEnumerable<string> Versions => _order;

    /// <summary>Verifies the log's chain and derives the state.</summary>
    /// <exception cref="RegistryLogException">The log is edited, truncated or reordered.</exception>
    public static RegistryState Of(RegistryLog log)
    {
        EventChain.Verify(log);
        return new RegistryState(log);
    }

    /// <summary>The state of a log an append returned, without verifying it again: the append's decision verified the log it continued and chained the new events itself.</summary>
    public static RegistryState OfAppended(RegistryLog log) => new(log);

    public ModelStatus? Status(string version) => _versions.TryGetValue(version, out var v) ? v.Status : null;

    public string Digest(string version) => _versions.TryGetValue(version, out var v) ? v.Digest : throw new ModelVersionNotFoundException(ModelId, version);

    public ModelVersionState State(string version, ModelVersionRecord? record) => _versions.TryGetValue(version, out var v)
        ? new ModelVersionState(ModelId, version, v.Status, v.Since, v.Digest, record)
        : throw new ModelVersionNotFoundException(ModelId, version);

    /// <summary>The version a rollback returns to: the most recently deployed retired version before the deployed one.</summary>
    public string? RollbackTarget(string deployed) =>
        DeployedMostRecentFirst.FirstOrDefault(v => v != deployed && Status(v) == ModelStatus.Retired);

    /// <summary>A transition event draft (the chain fills in sequence and hashes).</summary>
    public RegistryEvent Move(string version, ModelStatus? from, ModelStatus to, RegistryActor actor, string? reason, DateTimeOffset at, string digest) =>
        new(0, ModelId, version, RegistryEventKind.Transition, from, to, actor.Name, actor.Role, reason, at, digest, "", "");

    /// <summary>Throws unless <paramref name="version"/> may move to <paramref name="to"/> with <paramref name="reason"/>.</summary>
    public ModelStatus Check(string version, ModelStatus to, string? reason)
    {
        ModelStatus? from = Status(version);
        if (from is not { } status)
        {
            throw new ModelVersionNotFoundException(ModelId, version);
        }

        if (!ModelLifecycle.CanMove(status, to))
        {
            throw new IllegalTransitionException(ModelId, version, status, to, $"not a legal move (from {ModelLifecycle.Name(status)}: {Targets(status)}).");
        }

        if (ModelLifecycle.RequiresReason(to) && string.IsNullOrWhiteSpace(reason))
        {
            throw new IllegalTransitionException(ModelId, version, status, to, "this move must carry a reason (--reason).");
        }

        return status;
    }

    public ImmutableArray<RegistryEvent> Chain(IEnumerable<RegistryEvent> drafts) => [.. EventChain.Continue(Log, drafts)];

    private static string Targets(ModelStatus from)
    {
        string[] targets = [.. Enum.GetValues<ModelStatus>().Where(to => ModelLifecycle.CanMove(from, to)).Select(ModelLifecycle.Name)];
        return targets.Length == 0 ? "no moves" : "to " + string.Join(" or ", targets);
    }
}
