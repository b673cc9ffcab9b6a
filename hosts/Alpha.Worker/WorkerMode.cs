namespace Alpha.Worker;

/// <summary>Where bars come from and signals go.</summary>
internal enum WorkerMode
{
    /// <summary>No server: a CSV replay in, JSON lines out (and the SQLite outbox).</summary>
    Embedded,

    /// <summary>Bars from Redis streams, signals to the Redis signals stream.</summary>
    Redis,
}
