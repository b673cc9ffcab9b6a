namespace Alpha.Retraining;

/// <summary>
/// Leadership of a schedule: only the host holding it starts, retries and recovers the schedule's runs (Alpha.Storage.Postgres:
/// <c>pg_try_advisory_lock</c> on a connection held while leading; embedded: <see cref="FileRetrainLeaderLock"/>). A host
/// that dies releases it with its connection or file handle.
/// </summary>
public interface IRetrainLeaderLock
{
    /// <summary>Takes leadership of <paramref name="scheduleId"/> without waiting.</summary>
    /// <returns>The lease (dispose it to let go), or null when another host leads.</returns>
    ValueTask<IAsyncDisposable?> TryAcquireAsync(string scheduleId, CancellationToken cancellationToken);
}
