namespace Alpha.Api;

/// <summary>A catalogue model with its registry state: the version it names, the deployed one, and every registered version.</summary>
internal sealed record ModelView(
    string Id,
    string Kind,
    string PairId,
    string LegA,
    string LegB,
    int TimeframeSeconds,
    string Version,
    string Shard,
    string? DeployedVersion,
    IReadOnlyList<VersionView> Versions);
