namespace Alpha.Inference;

/// <summary>Settings of the worker loop (<see cref="InferenceWorker"/>) and its outbox relay (<see cref="OutboxRelay"/>).</summary>
public sealed record WorkerOptions
{
    /// <summary>
    /// Whether bars a lagging leg has not reached within <c>stale_after</c> of the wall clock are finalised as stale after
    /// each poll (live). Turn it off when replaying history through the worker (a CSV replay, a feed of past bars), whose
    /// bar times are far behind the clock: the alignment's own rules then decide, as in a backtest.
    /// </summary>
    /// <value>The default is true.</value>
    public bool ExpireStaleBars { get; init; } = true;

    /// <summary>How often a relay target looks for undelivered entries when not nudged by a write.</summary>
    /// <value>The default is 500 ms.</value>
    public TimeSpan RelayPollInterval { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Outbox entries per delivery.</summary>
    /// <value>The default is 64.</value>
    public int RelayBatchSize { get; init; } = 64;

    /// <summary>The first wait before retrying a failed delivery; it doubles (with jitter) up to <see cref="MaxRetryDelay"/>.</summary>
    /// <value>The default is 100 ms.</value>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>The longest wait between retries of a failed delivery.</summary>
    /// <value>The default is 5 s.</value>
    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>At shutdown, how long the relay may keep delivering what is pending before the process exits.</summary>
    /// <value>The default is 20 s (what is left stays in the outbox and is delivered at the next start).</value>
    public TimeSpan DrainTimeout { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>How often the operator flags are read from their store (<see cref="LiveOpsFlags"/>).</summary>
    /// <value>The default is 1 s.</value>
    public TimeSpan FlagsRefreshInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How often the worker's heartbeat is sent (<see cref="WorkerHeartbeat"/>); each is valid for three intervals.</summary>
    /// <value>The default is 10 s.</value>
    public TimeSpan HeartbeatInterval { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How often a sharded worker extends the leases it holds and tries to take the ones it waits for; keep it well below
    /// the lease's duration. A load that failed is tried again after this long too.
    /// </summary>
    /// <value>The default is 2 s.</value>
    public TimeSpan LeaseRenewInterval { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>How often a sharded worker reads the deployed pointer of the entries that follow it (a hot-swap when it moved).</summary>
    /// <value>The default is 5 s.</value>
    public TimeSpan ModelCheckInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Checks the values.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A duration is not positive, or the batch size is below 1.</exception>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(RelayPollInterval, TimeSpan.Zero, nameof(RelayPollInterval));
        ArgumentOutOfRangeException.ThrowIfLessThan(RelayBatchSize, 1, nameof(RelayBatchSize));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(RetryDelay, TimeSpan.Zero, nameof(RetryDelay));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxRetryDelay, RetryDelay, nameof(MaxRetryDelay));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(DrainTimeout, TimeSpan.Zero, nameof(DrainTimeout));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(FlagsRefreshInterval, TimeSpan.Zero, nameof(FlagsRefreshInterval));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(HeartbeatInterval, TimeSpan.Zero, nameof(HeartbeatInterval));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(LeaseRenewInterval, TimeSpan.Zero, nameof(LeaseRenewInterval));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(ModelCheckInterval, TimeSpan.Zero, nameof(ModelCheckInterval));
    }
}
