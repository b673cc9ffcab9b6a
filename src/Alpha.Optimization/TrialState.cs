namespace Alpha.Optimization;

/// <summary>How a trial ended.</summary>
public enum TrialState
{
    /// <summary>The objective returned a finite value (or ±∞).</summary>
    Complete,

    /// <summary>The objective gave up early (<see cref="Trial.Prune"/>).</summary>
    Pruned,

    /// <summary>The objective threw or returned NaN; the study went on.</summary>
    Failed,
}
