using System.Collections.Immutable;

namespace Alpha.Monitoring;

/// <summary>The population stability index of one input's live window against its reference.</summary>
/// <param name="Name">The input.</param>
/// <param name="Psi">Σ (live − reference share) · ln(live / reference share) over the ten bins, empty shares taken as ε; NaN when <see cref="Level"/> is insufficient.</param>
/// <param name="LiveCounts">Live values per bin.</param>
/// <param name="ReferenceCounts">Reference values per bin.</param>
/// <param name="CriticalValue">
/// The PSI that two samples of these sizes from one distribution exceed with probability α:
/// χ²₉(1 − α) · (1/n + 1/m) — a PSI below it on a small window is what chance alone gives.
/// </param>
/// <param name="Level">Insufficient below the minimum window; else against the warn and alert thresholds.</param>
public sealed record PsiResult(string Name, double Psi, ImmutableArray<int> LiveCounts, ImmutableArray<int> ReferenceCounts, double CriticalValue, MonitorLevel Level)
{
    /// <summary>The number of live values.</summary>
    public int LiveCount => LiveCounts.Sum();
}
