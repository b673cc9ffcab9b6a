namespace Alpha.Retraining;

/// <summary>An operator's request for a run (<c>/ops/retrain</c> through the API): it runs once, keyed by when it was asked.</summary>
/// <param name="Id">The request's id.</param>
/// <param name="ScheduleId">The model id to retrain.</param>
/// <param name="RequestedAt">When it was asked (UTC): the run's scheduled time.</param>
/// <param name="RequestedBy">Who asked.</param>
/// <param name="Reason">Why.</param>
public sealed record RetrainRequest(Guid Id, string ScheduleId, DateTimeOffset RequestedAt, string RequestedBy, string Reason);
