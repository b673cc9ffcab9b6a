namespace Alpha.Operations;

/// <summary>The last heartbeat of a host's service (<c>core.heartbeats</c>).</summary>
/// <param name="Host">The host.</param>
/// <param name="Service">The service (<c>worker</c>, …).</param>
/// <param name="SeenAt">When it was last seen (UTC).</param>
/// <param name="AgeSeconds">Seconds since then.</param>
/// <param name="Details">What it reported, as JSON.</param>
public sealed record HostHeartbeat(string Host, string Service, DateTimeOffset SeenAt, double AgeSeconds, string Details);
