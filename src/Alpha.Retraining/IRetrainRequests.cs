using System.Collections.Immutable;

namespace Alpha.Retraining;

/// <summary>Pending retrain requests (Alpha.Storage.Postgres: <c>ops.retrain</c> rows of <c>core.ops_requests</c>).</summary>
public interface IRetrainRequests
{
    /// <summary>The schedule's pending requests, oldest first.</summary>
    ValueTask<ImmutableArray<RetrainRequest>> PendingAsync(string scheduleId, CancellationToken cancellationToken);

    /// <summary>Marks a request taken by <paramref name="host"/> at <paramref name="at"/>.</summary>
    /// <returns>Whether this call took it (false: it was no longer pending).</returns>
    ValueTask<bool> TakeAsync(RetrainRequest request, string host, DateTimeOffset at, CancellationToken cancellationToken);
}
