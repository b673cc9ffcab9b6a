using System.Collections.Immutable;
using Alpha.Inference;

namespace Alpha.Operations;

/// <summary>The operator flags in force, the drawdown levels that raise them, and which hosts are alive.</summary>
/// <param name="At">When it was made (UTC).</param>
/// <param name="Flags">The flags in force.</param>
/// <param name="Drawdown">dd_policy.yaml's levels, or null when the host was given none.</param>
/// <param name="Heartbeats">Every host's last heartbeat.</param>
/// <param name="Monitoring">The newest degradation verdict of every model that has one.</param>
public sealed record RiskReport(DateTimeOffset At, ImmutableArray<FlagEntry> Flags, DrawdownPolicy? Drawdown, ImmutableArray<HostHeartbeat> Heartbeats, ImmutableArray<MonitoringRecord> Monitoring);
