namespace Alpha.Retraining;

/// <summary>What started a run.</summary>
public enum RetrainTrigger
{
    /// <summary>The schedule's cron occurrence.</summary>
    Scheduled = 1,

    /// <summary>A degradation verdict that called for retraining.</summary>
    Degradation = 2,

    /// <summary>An operator: the CLI, or an <c>/ops/retrain</c> request.</summary>
    Manual = 3,
}
