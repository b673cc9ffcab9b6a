namespace Alpha.Calibration;

/// <summary>Binary searches over ascending arrays (NumPy's <c>searchsorted</c> sides).</summary>
internal static class SortedSearch
{
    /// <summary>Number of elements &lt; value (<c>searchsorted(..., side="left")</c>).</summary>
    public static int LowerBound(ReadOnlySpan<double> sorted, double value)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < value)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    /// <summary>Number of elements ≤ value (<c>searchsorted(..., side="right")</c>).</summary>
    public static int UpperBound(ReadOnlySpan<double> sorted, double value)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] <= value)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }
}
