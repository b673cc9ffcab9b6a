using System.Collections.Immutable;

namespace Alpha.Optimization;

/// <summary>A finished trial.</summary>
/// <param name="Number">0-based, in the order trials ran.</param>
/// <param name="Parameters">Its parameter values (categoricals as indices).</param>
/// <param name="State">Complete, pruned or failed.</param>
/// <param name="Value">The objective value (null unless complete).</param>
/// <param name="Violation">Constraint violation: 0 feasible, more is worse.</param>
/// <param name="Enqueued">Whether the point was enqueued (e.g. a grid point) rather than sampled.</param>
/// <param name="Message">Why it failed or was pruned, or null.</param>
/// <param name="Attributes">Numbers the objective recorded with it.</param>
public sealed record TrialRecord(
    int Number,
    ImmutableDictionary<string, double> Parameters,
    TrialState State,
    double? Value,
    double Violation,
    bool Enqueued,
    string? Message,
    ImmutableDictionary<string, double> Attributes)
{
    /// <summary>Whether the trial completed feasibly (it can be the best).</summary>
    public bool IsFeasible => State == TrialState.Complete && Violation == 0 && Value is double v && !double.IsNaN(v);
}
