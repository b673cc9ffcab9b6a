namespace Alpha.Operations;

/// <summary>What an operation did.</summary>
/// <param name="Action">The operation (<c>ops.halt</c>, …).</param>
/// <param name="Target">What it applied to (<c>model|pair</c>, or a model id).</param>
/// <param name="Outcome"><see cref="AuditOutcome.Applied"/>, or <see cref="AuditOutcome.Pending"/> for a resume waiting for its second approver and a retrain request waiting for the retraining service.</param>
/// <param name="Message">What happened, in words.</param>
/// <param name="RequestId">The waiting request's id (resume, retrain), or null.</param>
/// <param name="AuditId">The audit record's id.</param>
public sealed record OpsResult(string Action, string Target, AuditOutcome Outcome, string Message, Guid? RequestId, long AuditId);
