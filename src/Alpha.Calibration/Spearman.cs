namespace Alpha.Calibration;

/// <summary>The sign test behind <see cref="IsotonicDirection.Auto"/>: Spearman's ρ ≥ 0 (SciPy's <c>spearmanr</c>, average ranks).</summary>
internal static class Spearman
{
    /// <summary>Whether ρ(x, y) ≥ 0; false when ρ is undefined (a constant x or y), as <c>check_increasing</c> decides.</summary>
    public static bool IsNonNegative(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        double[] rx = AverageRanks(x);
        double[] ry = AverageRanks(y);
        double meanX = 0, meanY = 0;
        for (int i = 0; i < rx.Length; i++)
        {
            meanX += rx[i];
            meanY += ry[i];
        }

        meanX /= rx.Length;
        meanY /= ry.Length;
        double sxy = 0, sxx = 0, syy = 0;
        for (int i = 0; i < rx.Length; i++)
        {
            double dx = rx[i] - meanX, dy = ry[i] - meanY;
            sxy += dx * dy;
            sxx += dx * dx;
            syy += dy * dy;
        }

        return sxx > 0 && syy > 0 && sxy >= 0;
    }

    private static double[] AverageRanks(ReadOnlySpan<double> values)
    {
        double[] keys = values.ToArray();
        int[] order = new int[keys.Length];
        for (int i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        Array.Sort(keys, order);
        var ranks = new double[keys.Length];
        for (int start = 0; start < keys.Length;)
        {
            int end = start + 1;
            while (end < keys.Length && keys[end] == keys[start])
            {
                end++;
            }

            double rank = (start + end + 1) / 2.0;
            for (int k = start; k < end; k++)
            {
                ranks[order[k]] = rank;
            }

            start = end;
        }

        return ranks;
    }
}
