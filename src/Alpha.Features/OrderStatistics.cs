namespace Alpha.Features;

/// <summary>
/// Order statistics in expected linear time (introselect: median-of-three quickselect that falls back to a sort when
/// partitioning stops shrinking), for medians without a full sort.
/// </summary>
internal static class OrderStatistics
{
    /// <summary>
    /// The median as numpy.median defines it: the middle value, or the mean of the two middle values. Reorders
    /// <paramref name="values"/> (finite, non-empty).
    /// </summary>
    public static double Median(Span<double> values)
    {
        int n = values.Length, upper = n / 2;
        double high = Select(values, upper);
        if (n % 2 == 1)
        {
            return high;
        }

        // After selection every value left of `upper` is ≤ the upper middle one: the lower middle is their maximum.
        double low = values[0];
        foreach (double v in values[..upper])
        {
            low = Math.Max(low, v);
        }

        return (low + high) / 2.0;
    }

    /// <summary>
    /// Reorders <paramref name="values"/> so that position <paramref name="k"/> holds the k-th smallest (from 0), every
    /// value before it is ≤ and every value after it ≥; returns that value.
    /// </summary>
    public static double Select(Span<double> values, int k)
    {
        int lo = 0, hi = values.Length - 1;
        int budget = 2 * (int)Math.Ceiling(Math.Log2(values.Length + 1));
        while (hi > lo)
        {
            if (budget-- == 0)
            {
                values[lo..(hi + 1)].Sort();
                break;
            }

            double pivot = MedianOfThree(values[lo], values[lo + ((hi - lo) / 2)], values[hi]);
            int i = lo, j = hi;
            while (i <= j)
            {
                while (values[i] < pivot)
                {
                    i++;
                }

                while (values[j] > pivot)
                {
                    j--;
                }

                if (i <= j)
                {
                    (values[i], values[j]) = (values[j], values[i]);
                    i++;
                    j--;
                }
            }

            // Now values[lo..j] ≤ pivot ≤ values[i..hi], and anything strictly between j and i equals the pivot.
            if (k <= j)
            {
                hi = j;
            }
            else if (k >= i)
            {
                lo = i;
            }
            else
            {
                break;
            }
        }

        return values[k];
    }

    private static double MedianOfThree(double a, double b, double c) =>
        a < b ? (b < c ? b : Math.Max(a, c)) : (a < c ? a : Math.Max(b, c));
}
