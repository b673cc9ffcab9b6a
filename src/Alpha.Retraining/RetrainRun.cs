namespace Alpha.Retraining;

/// <summary>
/// One run: a (schedule, scheduled time) pair and everything that happened to it, its retries included. The pair is
/// unique in every store, so a run never happens twice.
/// </summary>
/// <param name="RunId">The run's id.</param>
/// <param name="ScheduleId">The schedule: the model id it retrains.</param>
/// <param name="ScheduledFor">
/// The occurrence it runs for (UTC): the cron occurrence; for a degradation, when the degraded version was deployed (so
/// one deployed version triggers at most one run); for a manual run, when it was asked for.
/// </param>
/// <param name="Trigger">What started it.</param>
/// <param name="Cause">Why, in words: the cron expression, the verdict's findings, or who asked and why.</param>
/// <param name="Status">Where it stands.</param>
/// <param name="Attempts">Attempts started so far (1 for the first; <see cref="RetryCount"/> is one less).</param>
/// <param name="Host">The host running it.</param>
/// <param name="StartedAt">When its first attempt started (UTC).</param>
/// <param name="HeartbeatAt">The last sign of life stored for it (UTC): refreshed while an attempt beats and while a retry waits.</param>
/// <param name="EndedAt">When it ended, or null while running or retrying.</param>
/// <param name="Outcome">What a successful run registered, or null.</param>
/// <param name="LogPath">The run's log file, or null.</param>
/// <param name="Error">The last error, <c>{DOMAIN}_{CATEGORY}_{CODE}: message</c>, or null.</param>
public sealed record RetrainRun(
    Guid RunId,
    string ScheduleId,
    DateTimeOffset ScheduledFor,
    RetrainTrigger Trigger,
    string Cause,
    RetrainRunStatus Status,
    int Attempts,
    string Host,
    DateTimeOffset StartedAt,
    DateTimeOffset HeartbeatAt,
    DateTimeOffset? EndedAt,
    RetrainOutcome? Outcome,
    string? LogPath,
    string? Error)
{
    /// <summary>Whether it has ended (success, failed, aborted, blocked).</summary>
    public bool Finished => Status is RetrainRunStatus.Success or RetrainRunStatus.Failed or RetrainRunStatus.Aborted or RetrainRunStatus.Blocked;

    /// <summary>Retries made after the first attempt (<c>retry_count</c>).</summary>
    public int RetryCount => Attempts - 1;
}
