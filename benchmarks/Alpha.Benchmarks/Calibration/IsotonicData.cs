namespace Alpha.Benchmarks.Calibration;

/// <summary>
/// The benchmark data, identical to benchmarks/python/isotonic_sklearn.py's: 1,000,000 scores from a 64-bit LCG
/// (x = u1 in [0, 1)), binary labels 1 when u2 &lt; u1 — a calibrated score, as AI1/AI2 out-of-fold scores are.
/// </summary>
internal static class IsotonicData
{
    public static (double[] X, double[] Y) Create(int n)
    {
        var x = new double[n];
        var y = new double[n];
        ulong state = unchecked((42UL * 6364136223846793005UL) + 1442695040888963407UL);
        double Next()
        {
            state = unchecked((state * 6364136223846793005UL) + 1442695040888963407UL);
            return (state >> 11) * (1.0 / 9007199254740992.0);
        }

        for (int i = 0; i < n; i++)
        {
            double u1 = Next(), u2 = Next();
            x[i] = u1;
            y[i] = u2 < u1 ? 1.0 : 0.0;
        }

        return (x, y);
    }
}
