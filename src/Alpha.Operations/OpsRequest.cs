namespace Alpha.Operations;

/// <summary>A request that waits for someone: a resume for its second approver, a retrain for the retraining service.</summary>
/// <param name="Id">The request's id.</param>
/// <param name="Action">The operation (<c>ops.resume</c>, <c>ops.retrain</c>).</param>
/// <param name="Scope">What it applies to (a retrain: the model id and <c>*</c>).</param>
/// <param name="LeverageScale">A resume's leverage scale, in (0, 1]; null for other actions.</param>
/// <param name="Reason">Why.</param>
/// <param name="RequestedBy">Who asked.</param>
/// <param name="RequestedAt">When (UTC).</param>
/// <param name="Status">Where it stands.</param>
/// <param name="ResolvedBy">Who approved or took it; null while pending.</param>
/// <param name="ResolvedAt">When; null while pending.</param>
public sealed record OpsRequest(
    Guid Id,
    string Action,
    OpsScope Scope,
    double? LeverageScale,
    string Reason,
    OperatorIdentity RequestedBy,
    DateTimeOffset RequestedAt,
    OpsRequestStatus Status,
    string? ResolvedBy,
    DateTimeOffset? ResolvedAt);
