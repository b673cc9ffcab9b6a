namespace Alpha.Retraining;

/// <summary>What a schedule's run history says about it: its failure streak, and whether that has disabled the automatic triggers.</summary>
public static class RetrainHistory
{
    /// <summary>How many of a schedule's newest runs the service (and the API) judge the streak and recovery by.</summary>
    public const int Depth = 100;

    /// <summary>
    /// Failed runs since the last success or blocked run, newest first (aborted and unfinished runs neither count nor break
    /// the streak: the host stopped, the flow did not fail).
    /// </summary>
    /// <param name="runs">The schedule's runs, in any order.</param>
    public static int ConsecutiveFailures(IEnumerable<RetrainRun> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        int failures = 0;
        foreach (RetrainRun run in runs.Where(r => r.Finished && r.Status != RetrainRunStatus.Aborted).OrderByDescending(r => r.EndedAt))
        {
            if (run.Status != RetrainRunStatus.Failed)
            {
                break;
            }

            failures++;
        }

        return failures;
    }

    /// <summary>
    /// Whether the schedule's scheduled and degradation triggers are disabled: its last <paramref name="disableAfter"/> or
    /// more finished runs failed. A manual run still runs, and its success enables them again.
    /// </summary>
    public static bool Disabled(IEnumerable<RetrainRun> runs, int disableAfter) => ConsecutiveFailures(runs) >= disableAfter;
}
