namespace Alpha.Retraining;

/// <summary>The error and event codes of retraining, named <c>{DOMAIN}_{CATEGORY}_{CODE}</c> (seed 003).</summary>
public static class RetrainCodes
{
    /// <summary>A run registered a version.</summary>
    public const string Succeeded = "CORE_RETRAIN_SUCCEEDED";

    /// <summary>An attempt failed (retried while retries remain); the run failed after the last.</summary>
    public const string Failed = "CORE_RETRAIN_FAILED";

    /// <summary>An attempt gave no heartbeat for longer than the timeout.</summary>
    public const string Heartbeat = "CORE_RETRAIN_HEARTBEAT";

    /// <summary>The run's outcome lacks metrics (or they are not finite): blocked, no adoption decision.</summary>
    public const string Metrics = "CORE_RETRAIN_METRICS";

    /// <summary>A run could not proceed (generic cause of <see cref="RetrainBlockedException"/>).</summary>
    public const string Blocked = "CORE_RETRAIN_BLOCKED";

    /// <summary>The host stopped during the run.</summary>
    public const string Aborted = "CORE_RETRAIN_ABORTED";

    /// <summary>A run left running by a host that stopped beating was closed by the next leader.</summary>
    public const string Orphaned = "CORE_RETRAIN_ORPHANED";

    /// <summary>Consecutive failed runs disabled the schedule's automatic triggers.</summary>
    public const string Disabled = "CORE_RETRAIN_DISABLED";
}
