namespace Alpha.Features;

/// <summary>
/// Sample quantiles by linear interpolation between order statistics (Hyndman–Fan type 7, NumPy's default
/// <c>np.quantile(..., method="linear")</c>), with NumPy's two-sided interpolation so values agree bit for bit.
/// MathNet's default estimator is type 8: at DESIGN.md's thresholds that difference flips labels.
/// </summary>
public static class Quantiles
{
    /// <summary>The <paramref name="q"/>-quantile (0 ≤ q ≤ 1) of <paramref name="values"/> (any order; not modified).</summary>
    /// <exception cref="ArgumentException">No values, or a value is NaN or ±∞ (named by index).</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="q"/> is outside [0, 1] or NaN.</exception>
    public static double Linear(ReadOnlySpan<double> values, double q)
    {
        if (!(q >= 0 && q <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(q), q, "The quantile level must lie in [0, 1].");
        }

        if (values.IsEmpty)
        {
            throw new ArgumentException("A quantile needs at least one value.", nameof(values));
        }

        double[] copy = values.ToArray();
        for (int i = 0; i < copy.Length; i++)
        {
            if (!double.IsFinite(copy[i]))
            {
                throw new ArgumentException($"values[{i}] is {copy[i]}; quantiles need finite values.", nameof(values));
            }
        }

        // The two order statistics around (n − 1)·q, found by selection rather than a full sort.
        double index = (copy.Length - 1) * q;
        double below = Math.Floor(index);
        int lo = (int)below;
        double a = OrderStatistics.Select(copy, lo);
        double b = a;
        if (lo + 1 < copy.Length)
        {
            // After selection every value right of lo is ≥ a: the next order statistic is their minimum.
            b = copy[lo + 1];
            foreach (double v in copy.AsSpan(lo + 2))
            {
                b = Math.Min(b, v);
            }
        }

        double gamma = index - below, d = b - a;
        return gamma >= 0.5 ? b - (d * (1 - gamma)) : a + (d * gamma);
    }
}
