using System.Collections.Immutable;

namespace Alpha.Operations;

/// <summary>Every catalogue model at <see cref="At"/>, live scores since <see cref="Since"/>.</summary>
/// <param name="At">When it was made (UTC).</param>
/// <param name="Since">The window's start.</param>
/// <param name="Models">The models, in catalogue order.</param>
public sealed record ModelReport(DateTimeOffset At, DateTimeOffset Since, ImmutableArray<ModelAnalytics> Models);
