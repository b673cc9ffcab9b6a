namespace Alpha.Operations;

/// <summary>
/// One audited operation (seed 003's <c>audit.analytics_actions</c>): who, with which role, did what to what, why, with
/// which payload (its SHA-256) and how it ended. Text from a request (target, reason, detail) holds no control character
/// but newlines: the desk writes them as <c>\uXXXX</c>.
/// </summary>
/// <param name="Time">When (UTC).</param>
/// <param name="Actor">The operator's name (<c>anonymous</c> never appears: unauthenticated calls are not operations).</param>
/// <param name="Role">The operator's role.</param>
/// <param name="Action">The operation, e.g. <c>ops.halt</c>, <c>ops.resume</c>, <c>models.predict</c>.</param>
/// <param name="Target">What it applied to: a scope <c>model|pair</c>, a model id, a key id.</param>
/// <param name="Reason">The operator's reason, when the operation takes one.</param>
/// <param name="PayloadSha256">Lowercase hex SHA-256 of the request's canonical payload.</param>
/// <param name="Outcome">How it ended.</param>
/// <param name="Detail">What happened, in words (the message the operator saw).</param>
public sealed record AuditRecord(
    DateTimeOffset Time,
    string Actor,
    OperatorRole Role,
    string Action,
    string Target,
    string? Reason,
    string PayloadSha256,
    AuditOutcome Outcome,
    string Detail);
