using System.Collections.Immutable;

namespace Alpha.Operations;

/// <summary>
/// Where configuration changes and their audit trail are kept (Alpha.Storage.Postgres: <c>core.config_proposals</c> and
/// the append-only <c>audit.config_changes</c>).
/// </summary>
public interface IConfigChangeStore
{
    /// <summary>Stores a new change.</summary>
    ValueTask AddAsync(ConfigChange change, CancellationToken cancellationToken);

    /// <summary>The change with this id, or null.</summary>
    ValueTask<ConfigChange?> FindAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>The newest changes first, optionally of one status.</summary>
    /// <param name="status">Only this status, or null for all.</param>
    /// <param name="limit">At most this many, in [1, 1000].</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    ValueTask<ImmutableArray<ConfigChange>> ListAsync(ConfigChangeStatus? status, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces <paramref name="previous"/> with <paramref name="replacement"/> (same id) only if the stored change still has
    /// <paramref name="previous"/>'s status and number of approvals — so that two operators acting at once never both win.
    /// </summary>
    /// <returns>Whether it was replaced.</returns>
    ValueTask<bool> ReplaceAsync(ConfigChange previous, ConfigChange replacement, CancellationToken cancellationToken);

    /// <summary>Appends an audit record.</summary>
    /// <returns>The record's id.</returns>
    ValueTask<long> AppendAsync(ConfigAuditRecord record, CancellationToken cancellationToken);

    /// <summary>The newest audit records first.</summary>
    /// <param name="changeId">Only this change's records, or null for all.</param>
    /// <param name="limit">At most this many, in [1, 1000].</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    ValueTask<ImmutableArray<ConfigAuditEntry>> HistoryAsync(Guid? changeId, int limit, CancellationToken cancellationToken);
}
