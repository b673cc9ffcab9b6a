using System.Collections.Immutable;

namespace Alpha.Registry;

/// <summary>Which version served a model id at a moment: the deployed pointer then, and what each host had reported by then.</summary>
/// <param name="ModelId">The model id (scope).</param>
/// <param name="At">The moment asked about (UTC).</param>
/// <param name="DeployedVersion">The version deployed at <paramref name="At"/>; <see langword="null"/> when none was.</param>
/// <param name="Reports">Each host's last report at or before <paramref name="At"/>, by host name.</param>
public sealed record ServedBy(string ModelId, DateTimeOffset At, string? DeployedVersion, ImmutableArray<ServingReport> Reports);
