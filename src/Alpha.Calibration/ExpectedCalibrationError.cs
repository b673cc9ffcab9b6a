namespace Alpha.Calibration;

/// <summary>
/// Binary calibration error over equal-width bins of [0, 1], as torchmetrics' <c>BinaryCalibrationError</c>: a
/// probability on an inner edge goes to the upper bin (bucketize with right = true); per bin, accuracy is the mean
/// label and confidence the mean probability.
/// </summary>
/// <remarks>
/// Two deliberate differences: the edges are the doubles nearest i/bins, given to torchmetrics as explicit
/// <c>bin_boundaries</c> — its default <c>torch.linspace</c> edges carry rounding that depends on torch's
/// vectorised kernel (0.7000000000000001 for 10 bins, which would send p = 0.7 to the lower bin); and, per
/// DESIGN.md § 5, a probability of exactly 1.0 falls in the last bin, where torchmetrics gives it a bin of its own
/// past the end. Labels 0/1, probabilities in [0, 1]; anything else raises <see cref="InvalidSampleException"/>.
/// </remarks>
public static class ExpectedCalibrationError
{
    /// <summary>The calibration error of <paramref name="probabilities"/> against <paramref name="labels"/>.</summary>
    /// <param name="labels">0 or 1.</param>
    /// <param name="probabilities">Probabilities of class 1, in [0, 1].</param>
    /// <param name="bins">Number of equal-width bins; the default is 15 (torchmetrics' default).</param>
    /// <param name="norm">How bin gaps are combined; the default is <see cref="CalibrationNorm.L1"/> (ECE).</param>
    /// <exception cref="InvalidSampleException">Bad input.</exception>
    public static double Compute(ReadOnlySpan<double> labels, ReadOnlySpan<double> probabilities, int bins = 15, CalibrationNorm norm = CalibrationNorm.L1)
    {
        ClassificationMetrics.Validate(labels, probabilities, default, nameof(probabilities));
        Guard.Probabilities(probabilities, nameof(probabilities));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(bins);

        return Combine(Bin(labels, probabilities, bins), norm);
    }

    /// <summary>The L1 (ECE) and max-norm errors from one binning pass, for inputs already validated.</summary>
    internal static (double Expected, double Maximum) ExpectedAndMaximum(ReadOnlySpan<double> labels, ReadOnlySpan<double> probabilities, int bins)
    {
        var binned = Bin(labels, probabilities, bins);
        return (Combine(binned, CalibrationNorm.L1), Combine(binned, CalibrationNorm.Max));
    }

    // Per bin: the number of samples, and the sums of their probabilities and of their labels.
    private static (double[] Count, double[] Confidence, double[] Accuracy) Bin(ReadOnlySpan<double> labels, ReadOnlySpan<double> probabilities, int bins)
    {
        var edges = new double[bins + 1];
        for (int i = 0; i <= bins; i++)
        {
            edges[i] = (double)i / bins;
        }

        (double[] Count, double[] Confidence, double[] Accuracy) binned = (new double[bins], new double[bins], new double[bins]);
        for (int i = 0; i < probabilities.Length; i++)
        {
            double p = probabilities[i];
            int bin = Math.Min(SortedSearch.UpperBoundFrom(edges, p, (int)(p * bins) + 1) - 1, bins - 1);
            binned.Count[bin] += 1;
            binned.Confidence[bin] += p;
            binned.Accuracy[bin] += labels[i];
        }

        return binned;
    }

    private static double Combine((double[] Count, double[] Confidence, double[] Accuracy) binned, CalibrationNorm norm)
    {
        (double[] count, double[] confidence, double[] accuracy) = (binned.Count, binned.Confidence, binned.Accuracy);
        double total = 0;
        foreach (double c in count)
        {
            total += c;
        }

        double result = 0;
        for (int b = 0; b < count.Length; b++)
        {
            double gap = count[b] == 0 ? 0 : Math.Abs((accuracy[b] / count[b]) - (confidence[b] / count[b]));
            double share = count[b] / total;
            result = norm switch
            {
                CalibrationNorm.L1 => result + (gap * share),
                CalibrationNorm.L2 => result + (gap * gap * share),
                _ => Math.Max(result, gap),
            };
        }

        return norm == CalibrationNorm.L2 ? Math.Sqrt(result) : result;
    }
}
