namespace Alpha.Calibration;

/// <summary>
/// The weighted pool-adjacent-violators algorithm in one pass with back-tracking (O(n)), the same sequence of
/// floating-point operations as scikit-learn 1.2's <c>_inplace_contiguous_isotonic_regression</c>, so fits agree
/// bit for bit rather than to a tolerance.
/// </summary>
internal static class PoolAdjacentViolators
{
    /// <summary>
    /// Replaces <paramref name="y"/> by its non-decreasing least-squares fit under weights <paramref name="w"/>
    /// (both modified; w must be positive).
    /// </summary>
    public static void FitInPlace(Span<double> y, Span<double> w)
    {
        int n = y.Length;
        if (n == 0)
        {
            return;
        }

        // Blocks: while [i..j] is an active block, last[i] = j and last[j] = i; y[i] and w[i] hold the block's
        // weighted mean and total weight.
        int[] last = new int[n];
        for (int j = 0; j < n; j++)
        {
            last[j] = j;
        }

        int i = 0;
        while (i < n)
        {
            int k = last[i] + 1;
            if (k == n)
            {
                break;
            }

            if (y[i] < y[k])
            {
                i = k;
                continue;
            }

            double sumWy = w[i] * y[i];
            double sumW = w[i];
            while (true)
            {
                // Inside a non-increasing run: pool block k into block i.
                double previous = y[k];
                sumWy += w[k] * y[k];
                sumW += w[k];
                k = last[k] + 1;
                if (k == n || previous < y[k])
                {
                    y[i] = sumWy / sumW;
                    w[i] = sumW;
                    last[i] = k - 1;
                    last[k - 1] = i;
                    if (i > 0)
                    {
                        // Step back to the previous block: pooling may have created a new violation there.
                        i = last[i - 1];
                    }

                    break;
                }
            }
        }

        for (i = 0; i < n;)
        {
            int k = last[i] + 1;
            y[(i + 1)..k].Fill(y[i]);
            i = k;
        }
    }
}
