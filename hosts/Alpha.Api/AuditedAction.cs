namespace Alpha.Api;

/// <summary>Endpoint metadata: the endpoint performs an audited operation (a call its role forbids is audited as denied).</summary>
internal sealed record AuditedAction(string Action);
