using System.Collections.Immutable;

namespace Alpha.Operations;

/// <summary>The append-only audit log (Alpha.Storage.Postgres: <c>audit.analytics_actions</c>, where updates and deletes are refused).</summary>
public interface IAuditLog
{
    /// <summary>Appends a record.</summary>
    /// <returns>The record's id.</returns>
    ValueTask<long> AppendAsync(AuditRecord record, CancellationToken cancellationToken);

    /// <summary>The newest records, newest first, optionally only one action's.</summary>
    /// <param name="action">Only this action's records, or null for all.</param>
    /// <param name="limit">At most this many, in [1, 1000].</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    ValueTask<ImmutableArray<AuditEntry>> RecentAsync(string? action, int limit, CancellationToken cancellationToken);
}
