namespace Alpha.Retraining;

/// <summary>How much a retraining event matters (seed 003: info to <c>#analytics-info</c>, warnings to <c>#ml-ops</c>, critical pages someone).</summary>
public enum RetrainSeverity
{
    /// <summary>For the record: a run succeeded.</summary>
    Info = 1,

    /// <summary>Someone should look: a run was blocked or aborted.</summary>
    Warning = 2,

    /// <summary>A run failed.</summary>
    Error = 3,

    /// <summary>Automatic retraining stopped: the schedule is disabled.</summary>
    Critical = 4,
}
