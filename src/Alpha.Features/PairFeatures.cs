using Alpha.MarketData;

namespace Alpha.Features;

/// <summary>
/// Batch features of an aligned pair (DESIGN.md § 5), segment by segment: every window, EMA and Wilder average
/// restarts in each segment, and bars in no segment get no features. The batch runs the O(1) kernels of
/// <see cref="PairFeatureState"/> over the arrays, so the two forms give identical numbers; both are tested at
/// every bar against a direct windowed evaluation of the definitions and against an independent reference
/// implementation on real data.
/// </summary>
/// <remarks>NaN and ±∞ prices are rejected; a value whose window is not full is NaN. Uses bars up to and including t only.</remarks>
public static class PairFeatures
{
    /// <summary>The features of <paramref name="pair"/> (leg A = the regressand, leg B = the hedge).</summary>
    /// <remarks>Bars of a segment quarantined by alignment (strict outlier mode) are never ready: no sample is taken from them.</remarks>
    public static FeatureFrame Compute(AlignedPair pair, PairFeatureOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(pair);
        FeatureFrame frame = Compute(pair.HighA, pair.LowA, pair.CloseA, pair.HighB, pair.LowB, pair.CloseB, pair.Segment, options);
        for (int s = 0; s < pair.Segments.Length; s++)
        {
            if (pair.QuarantinedSegments[s])
            {
                frame.MarkNotReady(pair.Segments[s].Start, pair.Segments[s].End);
            }
        }

        return frame;
    }

    /// <summary>The features of a pair given as aligned arrays; <paramref name="segment"/> numbers each bar's segment (−1 for none).</summary>
    /// <exception cref="ArgumentException">Lengths differ, a price is not finite and positive, or a segment is not contiguous.</exception>
    public static FeatureFrame Compute(
        ReadOnlySpan<double> highA, ReadOnlySpan<double> lowA, ReadOnlySpan<double> closeA,
        ReadOnlySpan<double> highB, ReadOnlySpan<double> lowB, ReadOnlySpan<double> closeB,
        ReadOnlySpan<int> segment, PairFeatureOptions? options = null)
    {
        options ??= new PairFeatureOptions();
        options.Validate();
        int n = closeA.Length;
        Guard.Lengths(n, (highA.Length, nameof(highA)), (lowA.Length, nameof(lowA)), (highB.Length, nameof(highB)), (lowB.Length, nameof(lowB)), (closeB.Length, nameof(closeB)), (segment.Length, nameof(segment)));
        Guard.Prices(highA, nameof(highA));
        Guard.Prices(lowA, nameof(lowA));
        Guard.Prices(closeA, nameof(closeA));
        Guard.Prices(highB, nameof(highB));
        Guard.Prices(lowB, nameof(lowB));
        Guard.Prices(closeB, nameof(closeB));

        var columns = new double[FeatureNames.Count][];
        for (int f = 0; f < columns.Length; f++)
        {
            columns[f] = NaNs(n);
        }

        double[] alpha = NaNs(n), sigma = NaNs(n), spread = NaNs(n), r = NaNs(n);
        double[] logA = new double[n], logB = new double[n];
        for (int i = 0; i < n; i++)
        {
            logA[i] = Math.Log(closeA[i]);
            logB[i] = Math.Log(closeB[i]);
        }

        var ready = new bool[n];
        var state = new PairFeatureState(options);
        Span<double> row = stackalloc double[FeatureNames.Count];
        foreach ((int start, int end) in Guard.Segments(segment))
        {
            state.Reset();
            for (int i = start; i < end; i++)
            {
                ready[i] = state.Update(new PairBar(highA[i], lowA[i], closeA[i], highB[i], lowB[i], closeB[i]), row);
                for (int f = 0; f < row.Length; f++)
                {
                    columns[f][i] = row[f];
                }

                alpha[i] = state.Alpha;
                sigma[i] = state.Sigma;
                spread[i] = state.Spread;
                r[i] = state.HedgedReturn;
            }
        }

        return new FeatureFrame(columns, alpha, sigma, spread, r, logA, logB, ready, segment.ToArray(), options);
    }

    private static double[] NaNs(int n)
    {
        var values = new double[n];
        values.AsSpan().Fill(double.NaN);
        return values;
    }
}
