using System.Collections.Immutable;

namespace Alpha.Labeling;

/// <summary>
/// 3-class horizon labels (seed 001): the future return P_{t+h} / P_t − 1 over <c>horizon</c> bars is
/// <see cref="HorizonClass.Up"/> above <c>thresholdUp</c>, <see cref="HorizonClass.Down"/> below
/// <c>thresholdDown</c> (a negative return), else <see cref="HorizonClass.Range"/>; t1 = t + h. Bars whose horizon
/// leaves their segment give no sample.
/// </summary>
public static class HorizonLabeler
{
    /// <summary>Labels every bar of <paramref name="prices"/> (segment −1 bars are skipped).</summary>
    /// <param name="prices">Prices (finite, positive).</param>
    /// <param name="segment">Each bar's segment; empty for one segment over all bars.</param>
    /// <param name="horizon">h, in bars (≥ 1).</param>
    /// <param name="thresholdUp">Return above which the label is up (e.g. 0.002).</param>
    /// <param name="thresholdDown">Return below which the label is down (e.g. −0.002); must not exceed <paramref name="thresholdUp"/>.</param>
    /// <exception cref="ArgumentException">A price is not finite and positive, lengths differ, or the thresholds are inverted.</exception>
    public static ImmutableArray<LabeledEvent> Label(ReadOnlySpan<double> prices, ReadOnlySpan<int> segment, int horizon, double thresholdUp, double thresholdDown)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(horizon);
        Guard.Finite(thresholdUp, nameof(thresholdUp));
        Guard.Finite(thresholdDown, nameof(thresholdDown));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(thresholdDown, thresholdUp, nameof(thresholdDown));
        Prices.Check(prices, segment);

        var events = ImmutableArray.CreateBuilder<LabeledEvent>();
        for (int t = 0; t + horizon < prices.Length; t++)
        {
            if (!Prices.SameSegment(segment, t, t + horizon))
            {
                continue;
            }

            double change = (prices[t + horizon] / prices[t]) - 1;
            HorizonClass label = change > thresholdUp ? HorizonClass.Up : change < thresholdDown ? HorizonClass.Down : HorizonClass.Range;
            events.Add(new LabeledEvent(t, t + horizon, (int)label, 0));
        }

        return events.ToImmutable();
    }
}
