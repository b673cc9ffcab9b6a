namespace Alpha.Operations;

/// <summary>A stored configuration audit record and its id.</summary>
/// <param name="Id">The record's id (increasing).</param>
/// <param name="Record">The record.</param>
public sealed record ConfigAuditEntry(long Id, ConfigAuditRecord Record);
