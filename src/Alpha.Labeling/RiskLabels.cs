using System.Collections.Immutable;

namespace Alpha.Labeling;

/// <summary>The AI2 samples of a series (one per ready bar with a complete horizon) and the label report.</summary>
/// <param name="Events">Samples in bar order: label 1 when some risk condition fires in (t, t + H2]; t1 = t + H2.</param>
/// <param name="Thresholds">The threshold used for each condition (absolute, or fitted on the training window).</param>
/// <param name="FireCounts">Per condition, the samples in whose horizon it fired.</param>
/// <param name="Statistics">Counts, positive rate and exclusions by reason.</param>
/// <param name="Warnings">Human-readable warnings: a condition that never fires, a positive rate outside the configured band.</param>
public sealed record RiskLabels(
    ImmutableArray<LabeledEvent> Events,
    ImmutableSortedDictionary<RiskCondition, double> Thresholds,
    ImmutableSortedDictionary<RiskCondition, int> FireCounts,
    LabelStatistics Statistics,
    ImmutableArray<string> Warnings)
{
    /// <summary>Share of samples in whose horizon <paramref name="condition"/> fired.</summary>
    public double FireRate(RiskCondition condition) => Events.Length == 0 ? double.NaN : (double)FireCounts[condition] / Events.Length;
}
