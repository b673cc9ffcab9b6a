using System.Collections.Immutable;

namespace Alpha.Retraining;

/// <summary>
/// Something that happened to a schedule, in seed 003's error convention: a code <c>{DOMAIN}_{CATEGORY}_{CODE}</c>
/// (<see cref="RetrainCodes"/>), a severity and a structured payload (event id, time, details).
/// </summary>
/// <param name="EventId">The event's id.</param>
/// <param name="Code">What happened (<see cref="RetrainCodes"/>).</param>
/// <param name="Severity">How much it matters.</param>
/// <param name="OccurredAt">When (UTC).</param>
/// <param name="ScheduleId">The schedule (model id).</param>
/// <param name="Message">One line, in words.</param>
/// <param name="Details">The run's fields (run id, scheduled time, trigger, status, retries, version, error …), by name.</param>
public sealed record RetrainEvent(
    Guid EventId, string Code, RetrainSeverity Severity, DateTimeOffset OccurredAt, string ScheduleId, string Message, ImmutableSortedDictionary<string, string> Details);
