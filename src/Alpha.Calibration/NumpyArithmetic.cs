namespace Alpha.Calibration;

/// <summary>
/// The few NumPy/PyTorch primitives whose rounding decides whether a metric equals scikit-learn's to the last
/// bit: NumPy's pairwise summation, <c>np.linspace</c> and the linear percentile.
/// </summary>
internal static class NumpyArithmetic
{
    private const int PairwiseBlock = 128;

    /// <summary>NumPy's iterator hands reductions to the inner loop in chunks of its buffer size.</summary>
    private const int BufferSize = 8192;

    /// <summary>
    /// np.sum / np.add.reduce of a contiguous float64 array: pairwise summation (8 accumulators) inside each
    /// 8,192-element chunk, the chunks added in order to the identity 0.
    /// </summary>
    public static double Sum(ReadOnlySpan<double> values)
    {
        double sum = 0.0;
        for (int start = 0; start < values.Length; start += BufferSize)
        {
            sum += PairwiseSum(values.Slice(start, Math.Min(BufferSize, values.Length - start)));
        }

        return sum;
    }

    /// <summary>np.mean: the pairwise sum divided by the count.</summary>
    public static double Mean(ReadOnlySpan<double> values) => Sum(values) / values.Length;

    /// <summary>np.linspace(start, stop, num): i·step + start, the last point set to stop.</summary>
    public static double[] Linspace(double start, double stop, int num)
    {
        var points = new double[num];
        double step = (stop - start) / (num - 1);
        for (int i = 0; i < num; i++)
        {
            points[i] = (i * step) + start;
        }

        points[^1] = stop;
        return points;
    }

    /// <summary>
    /// np.percentile(sorted, q) with the default linear method (type 7): virtual index (n − 1)·q/100, then
    /// NumPy's two-sided lerp. <paramref name="sorted"/> must be ascending.
    /// </summary>
    public static double Percentile(ReadOnlySpan<double> sorted, double q)
    {
        double quantile = q / 100.0;
        double virtualIndex = (sorted.Length - 1) * quantile;
        double floor = Math.Floor(virtualIndex);
        int previous = (int)Math.Clamp(floor, 0, sorted.Length - 1);
        int next = Math.Clamp(previous + 1, 0, sorted.Length - 1);
        if (virtualIndex >= sorted.Length - 1)
        {
            previous = next = sorted.Length - 1;
        }

        double gamma = virtualIndex - floor;
        double a = sorted[previous], b = sorted[next];
        double diff = b - a;
        return gamma >= 0.5 ? b - (diff * (1 - gamma)) : a + (diff * gamma);
    }

    private static double PairwiseSum(ReadOnlySpan<double> a)
    {
        int n = a.Length;
        if (n < 8)
        {
            double sum = 0.0;
            for (int i = 0; i < n; i++)
            {
                sum += a[i];
            }

            return sum;
        }

        if (n <= PairwiseBlock)
        {
            double r0 = a[0], r1 = a[1], r2 = a[2], r3 = a[3], r4 = a[4], r5 = a[5], r6 = a[6], r7 = a[7];
            int i;
            for (i = 8; i < n - (n % 8); i += 8)
            {
                r0 += a[i];
                r1 += a[i + 1];
                r2 += a[i + 2];
                r3 += a[i + 3];
                r4 += a[i + 4];
                r5 += a[i + 5];
                r6 += a[i + 6];
                r7 += a[i + 7];
            }

            double result = ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7));
            for (; i < n; i++)
            {
                result += a[i];
            }

            return result;
        }

        int half = n / 2;
        half -= half % 8;
        return PairwiseSum(a[..half]) + PairwiseSum(a[half..]);
    }
}
