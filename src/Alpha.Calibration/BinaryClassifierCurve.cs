namespace Alpha.Calibration;

/// <summary>
/// scikit-learn's <c>_binary_clf_curve</c>: scores sorted descending (the reverse of a stable ascending sort),
/// zero-weight samples dropped, and cumulative true/false positive weights at each distinct score.
/// </summary>
internal sealed class BinaryClassifierCurve
{
    private BinaryClassifierCurve(double[] falsePositives, double[] truePositives)
    {
        FalsePositives = falsePositives;
        TruePositives = truePositives;
    }

    /// <summary>Cumulative false-positive weight at each distinct threshold, from the highest score down.</summary>
    public double[] FalsePositives { get; }

    /// <summary>Cumulative true-positive weight at each distinct threshold.</summary>
    public double[] TruePositives { get; }

    public static BinaryClassifierCurve Create(ReadOnlySpan<double> labels, ReadOnlySpan<double> scores, ReadOnlySpan<double> sampleWeight)
    {
        int[] order = DescendingOrder(scores, sampleWeight);
        int n = order.Length;
        var truePositives = new List<double>();
        var falsePositives = new List<double>();
        double tps = 0, fps = 0;
        for (int j = 0; j < n; j++)
        {
            int i = order[j];
            double w = sampleWeight.IsEmpty ? 1.0 : sampleWeight[i];
            tps += labels[i] * w;
            fps += (1 - labels[i]) * w;
            if (j == n - 1 || scores[order[j + 1]] != scores[i])
            {
                truePositives.Add(tps);
                // Unweighted, scikit-learn derives fps = 1 + threshold index − tps rather than summing.
                falsePositives.Add(sampleWeight.IsEmpty ? 1 + j - tps : fps);
            }
        }

        return new BinaryClassifierCurve([.. falsePositives], [.. truePositives]);
    }

    // np.argsort(scores, kind="mergesort")[::-1] over the samples with non-zero weight.
    private static int[] DescendingOrder(ReadOnlySpan<double> scores, ReadOnlySpan<double> sampleWeight)
    {
        var kept = new List<int>(scores.Length);
        for (int i = 0; i < scores.Length; i++)
        {
            if (sampleWeight.IsEmpty || sampleWeight[i] != 0)
            {
                kept.Add(i);
            }
        }

        int[] order = [.. kept];
        StableSort.ByKey(scores, order);
        Array.Reverse(order);
        return order;
    }
}
