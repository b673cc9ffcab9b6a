using System.Collections.Immutable;

namespace Alpha.Operations;

/// <summary>The verdict on proposed policy files: whether they load, why not, and what they change.</summary>
/// <param name="Valid">Whether the folder, with the proposed files in place, loads as the retrain flow and the hosts load it.</param>
/// <param name="Problem">The first problem, naming file and key, or null when valid.</param>
/// <param name="Diff">Every value the proposal changes against the current files.</param>
/// <param name="HighRisk">Whether any changed key is high-risk (two approvers).</param>
public sealed record ConfigValidation(bool Valid, ConfigProblem? Problem, ImmutableArray<ConfigDiffEntry> Diff, bool HighRisk);
