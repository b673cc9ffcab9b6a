namespace Alpha.Retraining;

/// <summary>
/// When and how a schedule retrains (<c>retrain_policy.yaml</c>, section <c>schedule</c>; Alpha.Training binds it).
/// </summary>
/// <param name="Cron">
/// <c>retrain_cron</c>: the scheduled trigger, five-field cron in UTC (seed 002: <c>0 3 1 * *</c>, 03:00 on the first of each month).
/// </param>
/// <param name="DegradationCron">
/// <c>degradation_cron</c>: when the deployed version's degradation verdict is evaluated (cron, UTC); a verdict that calls
/// for retraining starts one run per deployed version.
/// </param>
/// <param name="RetryMax"><c>retrain_retry_max</c>: retries after a failed attempt (seed: 2); 0 to 10.</param>
/// <param name="RetryDelay"><c>retrain_retry_delay_minutes</c>: the first retry's wait, doubled for each later one, with jitter; positive.</param>
/// <param name="HeartbeatTimeout"><c>heartbeat_timeout_seconds</c>: longest silence of a running stage before the attempt fails with <c>CORE_RETRAIN_HEARTBEAT</c> (stages beat every 60 s); at least 60 s.</param>
/// <param name="DisableAfterFailures"><c>disable_after_failures</c>: consecutive failed runs that disable the automatic triggers (seed 003: 2); at least 1.</param>
public sealed record RetrainPolicy(string Cron, string DegradationCron, int RetryMax, TimeSpan RetryDelay, TimeSpan HeartbeatTimeout, int DisableAfterFailures)
{
    /// <summary>Checks every value; the exception's parameter name is the policy key at fault.</summary>
    /// <exception cref="ArgumentException">A value is out of range or a cron expression does not parse (the message says why).</exception>
    public void Validate()
    {
        _ = new RetrainSchedule("policy", Cron, "retrain_cron");
        _ = new RetrainSchedule("policy", DegradationCron, "degradation_cron");
        if (RetryMax is < 0 or > 10)
        {
            throw new ArgumentOutOfRangeException("retrain_retry_max", RetryMax, "Must be in [0, 10].");
        }

        if (RetryDelay <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException("retrain_retry_delay_minutes", RetryDelay, "Must be positive.");
        }

        if (HeartbeatTimeout < TimeSpan.FromSeconds(60))
        {
            throw new ArgumentOutOfRangeException("heartbeat_timeout_seconds", HeartbeatTimeout, "Must be at least 60 s (stages beat every 60 s).");
        }

        if (DisableAfterFailures < 1)
        {
            throw new ArgumentOutOfRangeException("disable_after_failures", DisableAfterFailures, "Must be at least 1.");
        }
    }
}
