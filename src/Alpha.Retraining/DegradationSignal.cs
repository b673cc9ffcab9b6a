namespace Alpha.Retraining;

/// <summary>A degradation verdict that calls for retraining.</summary>
/// <param name="Version">The degraded (deployed) version.</param>
/// <param name="DeployedAt">When it was deployed (UTC): the run's scheduled time, so one deployed version triggers at most one run.</param>
/// <param name="Summary">The findings that fired, in words.</param>
public sealed record DegradationSignal(string Version, DateTimeOffset DeployedAt, string Summary);
