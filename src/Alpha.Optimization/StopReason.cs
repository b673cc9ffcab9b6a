namespace Alpha.Optimization;

/// <summary>Why a study stopped.</summary>
public enum StopReason
{
    /// <summary>It ran <see cref="StudyOptions.MaxTrials"/> trials.</summary>
    TrialBudget,

    /// <summary><see cref="StudyOptions.Patience"/> sampled trials passed without a new best.</summary>
    NoImprovement,

    /// <summary>The <see cref="StudyOptions.TimeBudget"/> ran out.</summary>
    TimeBudget,
}
