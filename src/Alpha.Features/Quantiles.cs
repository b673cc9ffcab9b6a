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

        double[] sorted = values.ToArray();
        for (int i = 0; i < sorted.Length; i++)
        {
            if (!double.IsFinite(sorted[i]))
            {
                throw new ArgumentException($"values[{i}] is {sorted[i]}; quantiles need finite values.", nameof(values));
            }
        }

        Array.Sort(sorted);
        return LinearOfSorted(sorted, q);
    }

    /// <summary>The type-7 quantile of already sorted (ascending, finite) values.</summary>
    internal static double LinearOfSorted(ReadOnlySpan<double> sorted, double q)
    {
        int n = sorted.Length;
        double index = (n - 1) * q;
        double below = Math.Floor(index);
        int lo = (int)below;
        int hi = Math.Min(lo + 1, n - 1);
        double gamma = index - below;
        double a = sorted[lo], b = sorted[hi], d = b - a;
        return gamma >= 0.5 ? b - (d * (1 - gamma)) : a + (d * gamma);
    }
}
