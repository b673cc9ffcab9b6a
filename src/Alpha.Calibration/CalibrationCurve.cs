using System.Collections.Immutable;

namespace Alpha.Calibration;

/// <summary>
/// scikit-learn 1.2's <c>calibration_curve</c>: bins of [0, 1] (uniform, or at linear percentiles of the
/// probabilities), a probability on an inner edge going to the lower bin (<c>searchsorted</c> on the inner edges),
/// empty bins omitted.
/// </summary>
public static class CalibrationCurve
{
    /// <summary>The reliability curve of <paramref name="probabilities"/> against <paramref name="labels"/>.</summary>
    /// <param name="labels">0 or 1.</param>
    /// <param name="probabilities">Probabilities of class 1, in [0, 1].</param>
    /// <param name="bins">Number of bins; the default is 5 (scikit-learn's).</param>
    /// <param name="strategy">Edge placement; the default is <see cref="BinningStrategy.Uniform"/>.</param>
    /// <exception cref="InvalidSampleException">Bad input.</exception>
    public static ReliabilityCurve Compute(ReadOnlySpan<double> labels, ReadOnlySpan<double> probabilities, int bins = 5, BinningStrategy strategy = BinningStrategy.Uniform)
    {
        ClassificationMetrics.Validate(labels, probabilities, default, nameof(probabilities));
        Guard.Probabilities(probabilities, nameof(probabilities));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(bins);

        double[] edges = strategy switch
        {
            BinningStrategy.Uniform => NumpyArithmetic.Linspace(0, 1, bins + 1),
            BinningStrategy.Quantile => QuantileEdges(probabilities, bins),
            _ => throw new ArgumentOutOfRangeException(nameof(strategy), strategy, "Unknown binning strategy."),
        };

        var sums = new double[bins];
        var positives = new double[bins];
        var counts = new int[bins];
        ReadOnlySpan<double> inner = edges.AsSpan(1, bins - 1);
        for (int i = 0; i < probabilities.Length; i++)
        {
            // Uniform edges sit near p·bins, so the search starts there; quantile edges are searched from the middle.
            int bin = strategy == BinningStrategy.Uniform
                ? SortedSearch.LowerBoundFrom(inner, probabilities[i], (int)(probabilities[i] * bins))
                : SortedSearch.LowerBound(inner, probabilities[i]);
            sums[bin] += probabilities[i];
            positives[bin] += labels[i];
            counts[bin]++;
        }

        var predicted = ImmutableArray.CreateBuilder<double>();
        var observed = ImmutableArray.CreateBuilder<double>();
        var sizes = ImmutableArray.CreateBuilder<int>();
        for (int b = 0; b < bins; b++)
        {
            if (counts[b] != 0)
            {
                predicted.Add(sums[b] / counts[b]);
                observed.Add(positives[b] / counts[b]);
                sizes.Add(counts[b]);
            }
        }

        return new ReliabilityCurve(predicted.ToImmutable(), observed.ToImmutable(), sizes.ToImmutable());
    }

    // np.percentile(p, np.linspace(0, 1, bins + 1) * 100).
    private static double[] QuantileEdges(ReadOnlySpan<double> probabilities, int bins)
    {
        double[] sorted = probabilities.ToArray();
        Array.Sort(sorted);
        double[] quantiles = NumpyArithmetic.Linspace(0, 1, bins + 1);
        var edges = new double[quantiles.Length];
        for (int i = 0; i < edges.Length; i++)
        {
            edges[i] = NumpyArithmetic.Percentile(sorted, quantiles[i] * 100);
        }

        return edges;
    }
}
