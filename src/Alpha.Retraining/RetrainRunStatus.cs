namespace Alpha.Retraining;

/// <summary>Where a run stands (seed 003: running | success | failed | retrying | aborted | blocked).</summary>
public enum RetrainRunStatus
{
    /// <summary>An attempt is running.</summary>
    Running = 1,

    /// <summary>An attempt failed; the next waits for its backoff.</summary>
    Retrying = 2,

    /// <summary>A version was trained and registered.</summary>
    Success = 3,

    /// <summary>Every attempt failed (or the run stalled, or its host died mid-run).</summary>
    Failed = 4,

    /// <summary>Stopped on purpose (the host shut down, an operator cancelled).</summary>
    Aborted = 5,

    /// <summary>Cannot run: what it needs is missing (no metrics, no data) — retrying would not help.</summary>
    Blocked = 6,
}
