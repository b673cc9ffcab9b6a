using System.Collections.Immutable;

namespace Alpha.Labeling;

/// <summary>
/// Triple-barrier labels (de Prado, ch. 3): from each event bar t0 the return P_j / P_{t0} − 1 (times the side when
/// one is given) is watched for j in (t0, t0 + h]; the upper barrier is ProfitTake × target, the lower −StopLoss ×
/// target, the vertical one t0 + h. t1 is the first touch (or t0 + h). Without sides the label is the sign of the
/// return at t1 (−1, 0, +1); with sides it is the meta-label 1 when that side's return at t1 is positive, else 0.
/// Events whose vertical barrier leaves their segment are incomplete and give no sample.
/// </summary>
public sealed class TripleBarrierLabeler
{
    /// <summary>Creates the labeler.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public TripleBarrierLabeler(TripleBarrierOptions? options = null)
    {
        Options = options ?? new TripleBarrierOptions();
        Options.Validate();
    }

    /// <summary>The settings.</summary>
    public TripleBarrierOptions Options { get; }

    /// <summary>Labels the events at <paramref name="eventBars"/>.</summary>
    /// <param name="prices">Prices (finite, positive).</param>
    /// <param name="segment">Each bar's segment; empty for one segment.</param>
    /// <param name="eventBars">The events' bars, ascending.</param>
    /// <param name="target">Per event, the volatility target in return units (finite, positive), e.g. an EWM standard deviation of returns at t0.</param>
    /// <param name="side">Per event, +1 (long) or −1 (short) for meta-labelling; empty for side-less labels.</param>
    /// <exception cref="ArgumentException">Lengths differ, an event bar is out of range or not ascending, a target is not positive, a side is not ±1.</exception>
    public ImmutableArray<LabeledEvent> Label(ReadOnlySpan<double> prices, ReadOnlySpan<int> segment, ReadOnlySpan<int> eventBars, ReadOnlySpan<double> target, ReadOnlySpan<int> side = default)
    {
        Prices.Check(prices, segment);
        if (target.Length != eventBars.Length || (!side.IsEmpty && side.Length != eventBars.Length))
        {
            throw new ArgumentException($"{eventBars.Length} events need as many targets ({target.Length}) and sides ({side.Length}, or none).", nameof(target));
        }

        var events = ImmutableArray.CreateBuilder<LabeledEvent>();
        int h = Options.MaxHoldingBars;
        for (int e = 0; e < eventBars.Length; e++)
        {
            int t0 = eventBars[e];
            if ((uint)t0 >= (uint)prices.Length || (e > 0 && t0 < eventBars[e - 1]))
            {
                throw new ArgumentException($"eventBars[{e}] = {t0} is outside the prices or not ascending.", nameof(eventBars));
            }

            if (!double.IsFinite(target[e]) || target[e] <= 0)
            {
                throw new ArgumentException($"target[{e}] is {target[e]}; targets must be finite and positive.", nameof(target));
            }

            int direction = side.IsEmpty ? 1 : side[e];
            if (direction is not (1 or -1))
            {
                throw new ArgumentException($"side[{e}] is {direction}; sides are +1 or −1.", nameof(side));
            }

            if (t0 + h >= prices.Length || !Prices.SameSegment(segment, t0, t0 + h))
            {
                continue;
            }

            int t1 = FirstTouch(prices, t0, target[e], direction);
            double outcome = direction * ((prices[t1] / prices[t0]) - 1);
            int label = side.IsEmpty ? Math.Sign(outcome) : outcome > 0 ? 1 : 0;
            events.Add(new LabeledEvent(t0, t1, label, side.IsEmpty ? 0 : direction));
        }

        return events.ToImmutable();
    }

    private int FirstTouch(ReadOnlySpan<double> prices, int t0, double target, int direction)
    {
        double upper = Options.ProfitTake * target, lower = -Options.StopLoss * target;
        for (int j = t0 + 1; j <= t0 + Options.MaxHoldingBars; j++)
        {
            double change = direction * ((prices[j] / prices[t0]) - 1);
            if ((Options.ProfitTake > 0 && change >= upper) || (Options.StopLoss > 0 && change <= lower))
            {
                return j;
            }
        }

        return t0 + Options.MaxHoldingBars;
    }
}
