using System.Collections.Immutable;

namespace Alpha.Retraining;

/// <summary>What one pass of a <see cref="RetrainService"/> did.</summary>
/// <param name="Leader">Whether this host led the schedule (false: another host does, and this pass did nothing).</param>
/// <param name="Runs">The runs it made, in order (manual, scheduled, degradation).</param>
/// <param name="Recovered">Runs left running by a host that stopped beating, which it closed as aborted.</param>
/// <param name="Disabled">Whether the automatic triggers are disabled after the pass.</param>
public sealed record RetrainTick(bool Leader, ImmutableArray<RetrainRun> Runs, ImmutableArray<RetrainRun> Recovered, bool Disabled);
