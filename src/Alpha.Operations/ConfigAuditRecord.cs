namespace Alpha.Operations;

/// <summary>
/// One audited configuration operation (seed 003's <c>audit.config_changes</c>): the operation's record, the change it
/// concerned and the SHA-256 of the policy files before and after (<see cref="ConfigChange.StateHash"/>).
/// </summary>
/// <param name="Record">Who did what, why, with which payload and how it ended (its target is the change id, or the file names).</param>
/// <param name="ChangeId">The change, or null (a validation, a refused proposal).</param>
/// <param name="BeforeSha256">The files' hash before, or null when nothing was written.</param>
/// <param name="AfterSha256">The files' hash after, or null when nothing was written.</param>
public sealed record ConfigAuditRecord(AuditRecord Record, Guid? ChangeId, string? BeforeSha256, string? AfterSha256);
