namespace Alpha.Inference;

/// <summary>
/// The lease that makes one worker the owner of a shard (DESIGN.md § 6 "Worker"): taken when free, extended while held,
/// and lost when the owner stops extending it — another worker then takes it over.
/// </summary>
public interface IShardLease
{
    /// <summary>The shard's name.</summary>
    string Shard { get; }

    /// <summary>How long a lease taken or extended lasts.</summary>
    TimeSpan Duration { get; }

    /// <summary>Takes the lease when it is free, or extends it when this worker holds it.</summary>
    /// <returns>Whether this worker holds the lease now; false when another worker does.</returns>
    /// <exception cref="Exception">The lease store cannot be reached (the adapter's own exception type).</exception>
    ValueTask<bool> HoldAsync(CancellationToken cancellationToken);

    /// <summary>Gives the lease up if this worker holds it, so that another worker may take the shard at once.</summary>
    ValueTask ReleaseAsync(CancellationToken cancellationToken);
}
