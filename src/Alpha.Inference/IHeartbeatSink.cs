namespace Alpha.Inference;

/// <summary>Where heartbeats go: Redis (a key that expires, so a dead worker's disappears) and PostgreSQL (last seen).</summary>
public interface IHeartbeatSink
{
    /// <summary>Records <paramref name="heartbeat"/>, to be considered dead after <paramref name="timeToLive"/> without another.</summary>
    ValueTask BeatAsync(Heartbeat heartbeat, TimeSpan timeToLive, CancellationToken cancellationToken);
}
