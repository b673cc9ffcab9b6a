using System.Collections.Immutable;

namespace Alpha.Operations;

/// <summary>Where requests that wait are kept (Alpha.Storage.Postgres: <c>core.ops_requests</c>).</summary>
public interface IOpsRequestStore
{
    /// <summary>
    /// An approver's vote, atomically: requests of the same action, scope and leverage scale made before
    /// <paramref name="since"/> expire; a pending one by another operator becomes applied (resolved by the voter) and is
    /// returned approved; a pending one by the voter is returned as repeated; otherwise <paramref name="request"/> is stored
    /// as pending.
    /// </summary>
    ValueTask<OpsVote> VoteAsync(OpsRequest request, DateTimeOffset since, CancellationToken cancellationToken);

    /// <summary>Stores a request as it is (a retrain request).</summary>
    ValueTask AddAsync(OpsRequest request, CancellationToken cancellationToken);

    /// <summary>The pending requests, oldest first, optionally of one action.</summary>
    ValueTask<ImmutableArray<OpsRequest>> PendingAsync(string? action, CancellationToken cancellationToken);
}
