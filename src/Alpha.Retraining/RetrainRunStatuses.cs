namespace Alpha.Retraining;

/// <summary>The names of <see cref="RetrainRunStatus"/> and <see cref="RetrainTrigger"/> as stored: lowercase.</summary>
public static class RetrainRunStatuses
{
    /// <summary>The status's name.</summary>
    public static string Name(RetrainRunStatus status) => status switch
    {
        RetrainRunStatus.Running => "running",
        RetrainRunStatus.Retrying => "retrying",
        RetrainRunStatus.Success => "success",
        RetrainRunStatus.Failed => "failed",
        RetrainRunStatus.Aborted => "aborted",
        RetrainRunStatus.Blocked => "blocked",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Not a run status."),
    };

    /// <summary>The status named <paramref name="name"/>.</summary>
    /// <exception cref="InvalidDataException">It names none.</exception>
    public static RetrainRunStatus Parse(string name) =>
        Enum.GetValues<RetrainRunStatus>().FirstOrDefault(s => Name(s) == name) is var s and not 0 ? s : throw new InvalidDataException($"'{name}' is not a run status.");

    /// <summary>The trigger's name.</summary>
    public static string Name(RetrainTrigger trigger) => trigger switch
    {
        RetrainTrigger.Scheduled => "scheduled",
        RetrainTrigger.Degradation => "degradation",
        RetrainTrigger.Manual => "manual",
        _ => throw new ArgumentOutOfRangeException(nameof(trigger), trigger, "Not a trigger."),
    };

    /// <summary>The trigger named <paramref name="name"/>.</summary>
    /// <exception cref="InvalidDataException">It names none.</exception>
    public static RetrainTrigger ParseTrigger(string name) =>
        Enum.GetValues<RetrainTrigger>().FirstOrDefault(t => Name(t) == name) is var t and not 0 ? t : throw new InvalidDataException($"'{name}' is not a trigger.");
}
