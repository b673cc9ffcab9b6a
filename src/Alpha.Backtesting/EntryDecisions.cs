using Alpha.Signals;

namespace Alpha.Backtesting;

/// <summary>
/// The model's decision at each bar's close: whether a candidate entry there may trade, and at what position scale
/// (AI3; 1 = full size). A candidate that is not allowed is skipped; a bar that is not a candidate is never traded,
/// whatever the decision says.
/// </summary>
public sealed class EntryDecisions
{
    private double[]? _scale;       // null while every entry is full size, until Scale is read (racing first reads build equal arrays)

    private EntryDecisions(bool[] allow, double[]? scale)
    {
        AllowArray = allow;
        _scale = scale;
    }

    /// <summary>Per bar: may a candidate entry at this bar trade.</summary>
    public ReadOnlySpan<bool> Allow => AllowArray;

    /// <summary>Per bar: the position scale of an entry decided there.</summary>
    public ReadOnlySpan<double> Scale => _scale ??= FullSize(AllowArray.Length);

    internal bool[] AllowArray { get; }

    /// <summary>Every candidate trades at full size: the plain z-threshold rule.</summary>
    public static EntryDecisions All(int bars)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(bars);
        var allow = new bool[bars];
        allow.AsSpan().Fill(true);
        return new EntryDecisions(allow, null);
    }

    /// <summary>Explicit decisions (copied); <paramref name="scale"/> empty means full size everywhere.</summary>
    /// <exception cref="ArgumentException">Lengths differ, or a scale is not finite and in (0, 1] (named by bar).</exception>
    public static EntryDecisions Create(ReadOnlySpan<bool> allow, ReadOnlySpan<double> scale = default)
    {
        if (scale.IsEmpty)
        {
            return new EntryDecisions(allow.ToArray(), null);
        }

        double[] scales = scale.ToArray();
        if (scales.Length != allow.Length)
        {
            throw new ArgumentException($"{scales.Length} scales for {allow.Length} decisions.", nameof(scale));
        }

        for (int i = 0; i < scales.Length; i++)
        {
            if (!(scales[i] > 0 && scales[i] <= 1))
            {
                throw new ArgumentException($"Bar {i}: position scale {scales[i]} must lie in (0, 1].", nameof(scale));
            }
        }

        return new EntryDecisions(allow.ToArray(), scales);
    }

    /// <summary>
    /// Per bar, Alpha.Signals' <see cref="DecisionRule.Enters"/>: return_prob &gt; θ1 and risk_score &lt; θ2, both
    /// probabilities first clipped to [1e-6, 1 − 1e-6]. NaN (no prediction) never enters.
    /// </summary>
    /// <exception cref="ArgumentException">Lengths differ.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A threshold is outside [0, 1].</exception>
    public static EntryDecisions FromProbabilities(ReadOnlySpan<double> returnProbability, ReadOnlySpan<double> riskScore, double theta1, double theta2)
    {
        if (returnProbability.Length != riskScore.Length)
        {
            throw new ArgumentException($"{returnProbability.Length} return probabilities but {riskScore.Length} risk scores.", nameof(riskScore));
        }

        foreach ((double value, string name) in new[] { (theta1, nameof(theta1)), (theta2, nameof(theta2)) })
        {
            if (!(value >= 0 && value <= 1))
            {
                throw new ArgumentOutOfRangeException(name, value, $"{name} must lie in [0, 1].");
            }
        }

        var allow = new bool[returnProbability.Length];
        for (int i = 0; i < allow.Length; i++)
        {
            allow[i] = DecisionRule.Enters(returnProbability[i], riskScore[i], theta1, theta2);
        }

        return new EntryDecisions(allow, null);
    }

    /// <summary>The position scale of an entry decided at <paramref name="bar"/>.</summary>
    internal double ScaleAt(int bar) => _scale is null ? 1.0 : _scale[bar];

    private static double[] FullSize(int bars)
    {
        var scale = new double[bars];
        scale.AsSpan().Fill(1.0);
        return scale;
    }
}
