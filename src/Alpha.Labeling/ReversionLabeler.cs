using System.Collections.Immutable;
using Alpha.Features;

namespace Alpha.Labeling;

/// <summary>
/// AI1 (return_prob) labels, DESIGN.md § 5: every ready bar t with EntryZ ≤ |z_t| ≤ EntryMaxZ and speed_t ≤ the
/// speed limit is an event (not only the crossing — overlapping events are what purging and uniqueness weights
/// are for). Its label is 1 if the entry-fixed |z^t_j| = |(log A_j − α_t − β_t log B_j) / σ_t| reaches ExitZ at some
/// j in (t, t + M] before it reaches StopZ, else 0 — the barriers the backtest trades; t1 is the first barrier
/// touch or t + M; direction = −sign(z_t). An event whose t + M passes the end of its segment is incomplete and is
/// no sample.
/// </summary>
public sealed class ReversionLabeler
{
    /// <summary>Creates the labeler.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range or inconsistent (exit ≥ entry, stop ≤ entry max, …).</exception>
    public ReversionLabeler(ReversionLabelOptions? options = null)
    {
        Options = options ?? new ReversionLabelOptions();
        Options.Validate();
    }

    /// <summary>The settings.</summary>
    public ReversionLabelOptions Options { get; }

    /// <summary>
    /// Labels every bar of <paramref name="frame"/>, with the speed limit fitted on <paramref name="trainingBars"/>
    /// (the training window: a fold's training bars, or every bar used for a final model).
    /// </summary>
    /// <exception cref="ArgumentException">A quantile limit with an empty training window or a training bar that is not ready.</exception>
    public ReversionLabels Label(FeatureFrame frame, ReadOnlySpan<int> trainingBars)
    {
        ArgumentNullException.ThrowIfNull(frame);
        double maxSpeed = Options.MaxSpeed.Resolve(frame[PairFeature.Speed], trainingBars, "speed");
        ReadOnlySpan<double> z = frame[PairFeature.Z];
        ReadOnlySpan<double> speed = frame[PairFeature.Speed];
        ReadOnlySpan<int> segment = frame.Segment;
        var events = new List<LabeledEvent>();
        var exclusions = new Dictionary<ExclusionReason, int>();
        int segmentEnd = 0;
        for (int t = 0; t < frame.Count; t++)
        {
            if (!frame.IsReady(t))
            {
                LabelStatistics.Exclude(exclusions, ExclusionReason.NotReady);
                continue;
            }

            double absZ = Math.Abs(z[t]);
            ExclusionReason? reason = absZ < Options.EntryZ ? ExclusionReason.BelowEntry
                : absZ > Options.EntryMaxZ ? ExclusionReason.AboveEntryMax
                : speed[t] > maxSpeed ? ExclusionReason.TooFast
                : null;
            if (reason is ExclusionReason r)
            {
                LabelStatistics.Exclude(exclusions, r);
                continue;
            }

            if (segmentEnd <= t)
            {
                segmentEnd = t;
                while (segmentEnd < frame.Count && segment[segmentEnd] == segment[t])
                {
                    segmentEnd++;
                }
            }

            if (t + Options.HorizonBars >= segmentEnd)
            {
                LabelStatistics.Exclude(exclusions, ExclusionReason.IncompleteHorizon);
                continue;
            }

            (int t1, int label) = FirstBarrier(frame, t);
            events.Add(new LabeledEvent(t, t1, label, -Math.Sign(z[t])));
        }

        return new ReversionLabels([.. events], maxSpeed, LabelStatistics.Of(events, exclusions));
    }

    private (int T1, int Label) FirstBarrier(FeatureFrame frame, int t)
    {
        for (int j = t + 1; j <= t + Options.HorizonBars; j++)
        {
            double held = Math.Abs(frame.EntryFixedZ(t, j));
            if (held <= Options.ExitZ)
            {
                return (j, 1);
            }

            if (held >= Options.StopZ)
            {
                return (j, 0);
            }
        }

        return (t + Options.HorizonBars, 0);
    }
}
