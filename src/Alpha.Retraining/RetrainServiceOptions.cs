namespace Alpha.Retraining;

/// <summary>What a <see cref="RetrainService"/> runs: which schedule, by which policy, as which host.</summary>
public sealed class RetrainServiceOptions
{
    /// <summary>The schedule: the model id it retrains (the registry scope and <c>/ops/retrain</c>'s model). Required.</summary>
    public required string ScheduleId { get; init; }

    /// <summary>The schedule, retries, heartbeat and disabling (<c>retrain_policy.yaml</c>). Required.</summary>
    public required RetrainPolicy Policy { get; init; }

    /// <summary>This host's name, recorded with its runs. Required.</summary>
    public required string Host { get; init; }

    /// <summary>How often the service looks for requests and due occurrences between cron occurrences; default 30 s, at least 1 s.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The folder each run's log file is named in (<c>{schedule}-{scheduled time}.log</c>), or null for no log files.</summary>
    public string? LogFolder { get; init; }

    /// <summary>The seed of the retry jitter; default 0.</summary>
    public int Seed { get; init; }
}
