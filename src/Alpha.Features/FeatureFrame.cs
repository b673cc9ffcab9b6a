namespace Alpha.Features;

/// <summary>
/// The batch features of an aligned pair, one value per bar and column. A value that is not ready (its window is
/// not yet full in its segment, or the bar is in no segment) is NaN — never a number; <see cref="IsReady"/> says
/// whether every model input is ready at a bar. Uses bars up to and including t only. Immutable.
/// </summary>
public sealed class FeatureFrame
{
    private readonly double[][] _inputs;
    private readonly double[] _alpha;
    private readonly double[] _sigma;
    private readonly double[] _spread;
    private readonly double[] _hedgedReturn;
    private readonly double[] _logA;
    private readonly double[] _logB;
    private readonly bool[] _ready;
    private readonly int[] _segment;

    internal FeatureFrame(double[][] inputs, double[] alpha, double[] sigma, double[] spread, double[] hedgedReturn, double[] logA, double[] logB, bool[] ready, int[] segment, PairFeatureOptions options)
    {
        _inputs = inputs;
        _alpha = alpha;
        _sigma = sigma;
        _spread = spread;
        _hedgedReturn = hedgedReturn;
        _logA = logA;
        _logB = logB;
        _ready = ready;
        _segment = segment;
        Options = options;
    }

    /// <summary>The settings used.</summary>
    public PairFeatureOptions Options { get; }

    /// <summary>Number of bars.</summary>
    public int Count => _ready.Length;

    /// <summary>The model input <paramref name="feature"/> at every bar (NaN when not ready).</summary>
    public ReadOnlySpan<double> this[PairFeature feature] => _inputs[(int)feature];

    /// <summary>Intercept α of the hedge fit (not a model input: it depends on the price units).</summary>
    public ReadOnlySpan<double> Alpha => _alpha;

    /// <summary>Residual standard deviation σ = √(RSS / (W − 2)) of the hedge fit.</summary>
    public ReadOnlySpan<double> Sigma => _sigma;

    /// <summary>The spread s = log A − α − β·log B under the bar's own fit.</summary>
    public ReadOnlySpan<double> Spread => _spread;

    /// <summary>The hedged return r_t = Δlog A_t − β_{t−1}·Δlog B_t.</summary>
    public ReadOnlySpan<double> HedgedReturn => _hedgedReturn;

    /// <summary>log of leg A's close.</summary>
    public ReadOnlySpan<double> LogA => _logA;

    /// <summary>log of leg B's close.</summary>
    public ReadOnlySpan<double> LogB => _logB;

    /// <summary>The segment of each bar (−1 for bars in no segment).</summary>
    public ReadOnlySpan<int> Segment => _segment;

    /// <summary>Whether every model input is ready at <paramref name="bar"/>.</summary>
    public bool IsReady(int bar) => _ready[bar];

    /// <summary>Per bar: every model input ready.</summary>
    public ReadOnlySpan<bool> Ready => _ready;

    internal void MarkNotReady(int start, int end) => _ready.AsSpan(start, end - start).Clear();

    /// <summary>Copies the model inputs of <paramref name="bar"/> in <see cref="PairFeature"/> order.</summary>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than <see cref="FeatureNames.Count"/>.</exception>
    public void CopyRow(int bar, Span<double> destination)
    {
        if (destination.Length < FeatureNames.Count)
        {
            throw new ArgumentException($"destination needs {FeatureNames.Count} elements.", nameof(destination));
        }

        for (int f = 0; f < FeatureNames.Count; f++)
        {
            destination[f] = _inputs[f][bar];
        }
    }

    /// <summary>
    /// The entry-fixed z of a position opened at bar <paramref name="entry"/>, seen at bar <paramref name="bar"/>:
    /// (log A_j − α_t − β_t·log B_j) / σ_t — the spread the position actually holds.
    /// </summary>
    public double EntryFixedZ(int entry, int bar) =>
        (_logA[bar] - _alpha[entry] - (_inputs[(int)PairFeature.Beta][entry] * _logB[bar])) / _sigma[entry];
}
