using System.Collections.Immutable;

namespace Alpha.Optimization;

/// <summary>Every trial a study ran, its best feasible trial and why it stopped.</summary>
/// <param name="Trials">All trials, in order.</param>
/// <param name="Best">The best complete, feasible trial, or null when there is none.</param>
/// <param name="StopReason">Why it stopped.</param>
public sealed record StudyResult(ImmutableArray<TrialRecord> Trials, TrialRecord? Best, StopReason StopReason);
