using System.Collections.Immutable;
using Alpha.Features;

namespace Alpha.Labeling;

/// <summary>
/// 3-class direction labels on the pair spread (DESIGN.md § 5, seed 001): for a ready bar t, the entry-fixed move
/// m = z^t_{t+h} − z^t_t = (s held at t + h − s_t) / σ_t under the hedge fitted at t, labelled
/// <see cref="HorizonClass.Up"/> when m &gt; threshold, <see cref="HorizonClass.Down"/> when m &lt; −threshold, else
/// <see cref="HorizonClass.Range"/> (labels 2 / 0 / 1); t1 = t + h. A bar whose horizon leaves its segment gives no
/// sample. The thresholds are in σ units, so nothing is fitted: the labels of a fold need no training window.
/// </summary>
public static class SpreadDirectionLabeler
{
    /// <summary>Labels the ready bars of <paramref name="frame"/> among <paramref name="bars"/> (ascending).</summary>
    /// <exception cref="ArgumentException">The options are invalid, or <paramref name="bars"/> is not ascending.</exception>
    public static ImmutableArray<LabeledEvent> Label(FeatureFrame frame, ReadOnlySpan<int> bars, SpreadDirectionOptions options)
    {
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        ReadOnlySpan<int> segment = frame.Segment;
        var events = ImmutableArray.CreateBuilder<LabeledEvent>(bars.Length);
        int previous = -1;
        foreach (int t in bars)
        {
            if (t <= previous || t >= frame.Count)
            {
                throw new ArgumentException($"bars must be ascending bar indices below {frame.Count} (bar {t} after {previous}).", nameof(bars));
            }

            previous = t;
            int end = t + options.HorizonBars;
            if (!frame.IsReady(t) || end >= frame.Count || segment[end] != segment[t])
            {
                continue;
            }

            double move = frame.EntryFixedZ(t, end) - frame.EntryFixedZ(t, t);
            HorizonClass label = move > options.Threshold ? HorizonClass.Up : move < -options.Threshold ? HorizonClass.Down : HorizonClass.Range;
            events.Add(new LabeledEvent(t, end, (int)label, 0));
        }

        return events.ToImmutable();
    }
}
