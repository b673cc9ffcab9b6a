namespace Alpha.Inference;

/// <summary>A worker's sign of life, with what it has done (<c>core.heartbeats</c>, Redis <c>heartbeat:{service}:{host}</c>).</summary>
/// <param name="Host">The host name.</param>
/// <param name="Service">The service (<c>worker</c>).</param>
/// <param name="At">When it was sent.</param>
/// <param name="Engines">Engines served.</param>
/// <param name="BarsReceived">Bars received since start.</param>
/// <param name="SignalsEmitted">Signals emitted since start.</param>
/// <param name="OutboxPending">The most outbox entries any target has not delivered.</param>
public sealed record Heartbeat(string Host, string Service, DateTimeOffset At, int Engines, long BarsReceived, long SignalsEmitted, long OutboxPending);
