namespace Alpha.Retraining;

/// <summary>A run to make: which schedule, for which occurrence, started by what and why.</summary>
/// <param name="ScheduleId">The schedule: the model id it retrains.</param>
/// <param name="ScheduledFor">The occurrence (UTC); with <paramref name="ScheduleId"/>, the run's unique key.</param>
/// <param name="Trigger">What started it.</param>
/// <param name="Cause">Why, in words.</param>
/// <param name="LogPath">The file the work writes its log to, or null.</param>
public sealed record RetrainOccurrence(string ScheduleId, DateTimeOffset ScheduledFor, RetrainTrigger Trigger, string Cause, string? LogPath = null);
