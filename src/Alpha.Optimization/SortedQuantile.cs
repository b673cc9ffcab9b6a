namespace Alpha.Optimization;

/// <summary>Quantiles of sorted values by linear interpolation (numpy's default, type 7).</summary>
internal static class SortedQuantile
{
    public static double Linear(double[] sorted, double q)
    {
        double index = (sorted.Length - 1) * q;
        int lo = (int)Math.Floor(index), hi = Math.Min(lo + 1, sorted.Length - 1);
        return sorted[lo] + ((sorted[hi] - sorted[lo]) * (index - lo));
    }
}
