using System.Collections.Immutable;

namespace Alpha.Labeling;

/// <summary>What a labeler produced, for the training report.</summary>
/// <param name="Events">Complete events (training samples).</param>
/// <param name="Positives">Events labelled 1.</param>
/// <param name="MeanHoldingBars">Mean of t1 − t0 over the events.</param>
/// <param name="Exclusions">Bars that gave no sample, by reason (only reasons that occurred).</param>
public sealed record LabelStatistics(int Events, int Positives, double MeanHoldingBars, ImmutableSortedDictionary<ExclusionReason, int> Exclusions)
{
    /// <summary>Share of events labelled 1 (NaN with no event).</summary>
    public double PositiveRate => Events == 0 ? double.NaN : (double)Positives / Events;

    /// <summary>Events per year for bars of <paramref name="barsPerYear"/> (e.g. 6 × 260 for 4-hour FX bars) over <paramref name="bars"/> bars.</summary>
    public double EventsPerYear(int bars, double barsPerYear) => bars == 0 ? double.NaN : Events * barsPerYear / bars;

    internal static void Exclude(Dictionary<ExclusionReason, int> exclusions, ExclusionReason reason) =>
        exclusions[reason] = exclusions.GetValueOrDefault(reason) + 1;

    internal static LabelStatistics Of(IReadOnlyList<LabeledEvent> events, Dictionary<ExclusionReason, int> exclusions)
    {
        int positives = 0;
        double holding = 0;
        foreach (LabeledEvent e in events)
        {
            positives += e.Label == 1 ? 1 : 0;
            holding += e.T1 - e.T0;
        }

        return new LabelStatistics(events.Count, positives, events.Count == 0 ? double.NaN : holding / events.Count, exclusions.ToImmutableSortedDictionary());
    }
}
