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

    /// <summary>
    /// <see cref="LowerBound"/> found by stepping from <paramref name="guess"/>: exact for any guess, O(1) when the
    /// guess is a step or two away (as p·bins is for uniform bin edges).
    /// </summary>
    public static int LowerBoundFrom(ReadOnlySpan<double> sorted, double value, int guess)
    {
        int i = Math.Clamp(guess, 0, sorted.Length);
        while (i > 0 && sorted[i - 1] >= value)
        {
            i--;
        }

        while (i < sorted.Length && sorted[i] < value)
        {
            i++;
        }

        return i;
    }

    /// <summary><see cref="UpperBound"/> found by stepping from <paramref name="guess"/> (exact for any guess).</summary>
    public static int UpperBoundFrom(ReadOnlySpan<double> sorted, double value, int guess)
    {
        int i = Math.Clamp(guess, 0, sorted.Length);
        while (i > 0 && sorted[i - 1] > value)
        {
            i--;
        }

        while (i < sorted.Length && sorted[i] <= value)
        {
            i++;
        }

        return i;
    }
}
