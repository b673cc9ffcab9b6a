namespace Alpha.Operations;

/// <summary>An audit record as stored, with its sequence number in the log.</summary>
/// <param name="Id">Increasing with the order records were appended.</param>
/// <param name="Record">The record.</param>
public sealed record AuditEntry(long Id, AuditRecord Record);
