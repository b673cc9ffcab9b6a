using System.Collections.Immutable;
using System.Globalization;
using Alpha.Features;

namespace Alpha.Labeling;

/// <summary>
/// AI2 (risk_score) labels, DESIGN.md § 5: one sample per ready bar t; label 1 if at some bar j in (t, t + H2]
/// rho_var_j, atr_ratio_j, speed_j or dd_recent_j exceeds its threshold (strictly), else 0; t1 = t + H2. A bar whose
/// t + H2 passes the end of its segment gives no sample. Thresholds default to the training window's 0.975
/// quantiles; the report gives the positive rate, how often each condition fires, and warnings.
/// </summary>
public sealed class RiskLabeler
{
    private static readonly (RiskCondition Condition, PairFeature Feature)[] s_conditions =
    [
        (RiskCondition.RhoVariance, PairFeature.RhoVar),
        (RiskCondition.AtrRatio, PairFeature.AtrRatio),
        (RiskCondition.Speed, PairFeature.Speed),
        (RiskCondition.Drawdown, PairFeature.DdRecent),
    ];

    /// <summary>Creates the labeler.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public RiskLabeler(RiskLabelOptions? options = null)
    {
        Options = options ?? new RiskLabelOptions();
        Options.Validate();
    }

    /// <summary>The settings.</summary>
    public RiskLabelOptions Options { get; }

    /// <summary>Labels every bar of <paramref name="frame"/>, with thresholds fitted on <paramref name="trainingBars"/>.</summary>
    /// <exception cref="ArgumentException">A quantile threshold with an empty training window or a training bar that is not ready.</exception>
    public RiskLabels Label(FeatureFrame frame, ReadOnlySpan<int> trainingBars)
    {
        ArgumentNullException.ThrowIfNull(frame);
        var thresholds = new double[s_conditions.Length];
        for (int c = 0; c < s_conditions.Length; c++)
        {
            Threshold threshold = ThresholdOf(s_conditions[c].Condition);
            thresholds[c] = threshold.Resolve(frame[s_conditions[c].Feature], trainingBars, FeatureNames.Of(s_conditions[c].Feature));
        }

        // fires[c][j]: condition c holds at bar j (bars that are not ready never fire; horizons stay inside a segment).
        var fires = new bool[s_conditions.Length][];
        for (int c = 0; c < s_conditions.Length; c++)
        {
            ReadOnlySpan<double> values = frame[s_conditions[c].Feature];
            fires[c] = new bool[frame.Count];
            for (int j = 0; j < frame.Count; j++)
            {
                fires[c][j] = values[j] > thresholds[c];
            }
        }

        int h = Options.HorizonBars;
        var events = new List<LabeledEvent>();
        var exclusions = new Dictionary<ExclusionReason, int>();
        var fireCounts = new int[s_conditions.Length];
        ReadOnlySpan<int> segment = frame.Segment;
        for (int t = 0; t < frame.Count; t++)
        {
            if (!frame.IsReady(t))
            {
                LabelStatistics.Exclude(exclusions, ExclusionReason.NotReady);
                continue;
            }

            if (t + h >= frame.Count || segment[t + h] != segment[t])
            {
                LabelStatistics.Exclude(exclusions, ExclusionReason.IncompleteHorizon);
                continue;
            }

            bool any = false;
            for (int c = 0; c < s_conditions.Length; c++)
            {
                bool fired = fires[c].AsSpan(t + 1, h).Contains(true);
                fireCounts[c] += fired ? 1 : 0;
                any |= fired;
            }

            events.Add(new LabeledEvent(t, t + h, any ? 1 : 0, 0));
        }

        var statistics = LabelStatistics.Of(events, exclusions);
        var thresholdMap = ImmutableSortedDictionary.CreateRange(s_conditions.Select((c, k) => KeyValuePair.Create(c.Condition, thresholds[k])));
        var fireMap = ImmutableSortedDictionary.CreateRange(s_conditions.Select((c, k) => KeyValuePair.Create(c.Condition, fireCounts[k])));
        return new RiskLabels([.. events], thresholdMap, fireMap, statistics, Warnings(statistics, fireMap));
    }

    private Threshold ThresholdOf(RiskCondition condition) => condition switch
    {
        RiskCondition.RhoVariance => Options.RhoVariance,
        RiskCondition.AtrRatio => Options.AtrRatio,
        RiskCondition.Speed => Options.Speed,
        _ => Options.Drawdown,
    };

    private ImmutableArray<string> Warnings(LabelStatistics statistics, ImmutableSortedDictionary<RiskCondition, int> fires)
    {
        var warnings = ImmutableArray.CreateBuilder<string>();
        if (statistics.Events == 0)
        {
            warnings.Add("No AI2 sample: no ready bar has a complete horizon.");
            return warnings.ToImmutable();
        }

        foreach ((RiskCondition condition, int count) in fires)
        {
            if (count == 0)
            {
                warnings.Add($"Risk condition {condition} never fires: its threshold is above every value in the horizons.");
            }
        }

        double rate = statistics.PositiveRate;
        if (rate < Options.MinPositiveRate || rate > Options.MaxPositiveRate)
        {
            warnings.Add(string.Create(CultureInfo.InvariantCulture, $"AI2 positive rate {rate:P1} is outside the expected {Options.MinPositiveRate:P0}–{Options.MaxPositiveRate:P0}."));
        }

        return warnings.ToImmutable();
    }
}
