namespace Alpha.Retraining;

/// <summary>
/// One run: a (schedule, scheduled time) pair and everything that happened to it, its retries included. The pair is
/// unique in every store, so a run never happens twice.
/// </summary>
/// <param name="ScheduleId">The schedule (for example the model id it retrains).</param>
/// <param name="ScheduledFor">The occurrence it runs for (UTC): the cron occurrence, or the time a manual or degradation trigger asked.</param>
/// <param name="Trigger">What started it.</param>
/// <param name="Status">Where it stands.</param>
/// <param name="Attempts">Attempts started so far (1 for the first).</param>
/// <param name="Host">The host running it.</param>
/// <param name="StartedAt">When its first attempt started (UTC).</param>
/// <param name="HeartbeatAt">The last sign of life of the running attempt (UTC).</param>
/// <param name="FinishedAt">When it ended, or null while running or retrying.</param>
/// <param name="Version">The version it registered, or null.</param>
/// <param name="Error">The last error, <c>{DOMAIN}_{CATEGORY}_{CODE}: message</c>, or null.</param>
public sealed record RetrainRun(
    string ScheduleId,
    DateTimeOffset ScheduledFor,
    RetrainTrigger Trigger,
    RetrainRunStatus Status,
    int Attempts,
    string Host,
    DateTimeOffset StartedAt,
    DateTimeOffset HeartbeatAt,
    DateTimeOffset? FinishedAt,
    string? Version,
    string? Error)
{
    /// <summary>Whether it has ended (success, failed, aborted, blocked).</summary>
    public bool Finished => Status is RetrainRunStatus.Success or RetrainRunStatus.Failed or RetrainRunStatus.Aborted or RetrainRunStatus.Blocked;
}
