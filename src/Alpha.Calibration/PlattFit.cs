namespace Alpha.Calibration;

/// <summary>Newton's method with backtracking for Platt's sigmoid fit (Lin, Lin and Weng, 2007), to the exact optimum.</summary>
internal static class PlattFit
{
    private const int MaxIterations = 200;

    /// <summary>1 / (1 + e^(−x)) without overflow.</summary>
    public static double Expit(double x) => x >= 0 ? 1.0 / (1.0 + Math.Exp(-x)) : Math.Exp(x) / (1.0 + Math.Exp(x));

    public static (double A, double B) Solve(ReadOnlySpan<double> f, ReadOnlySpan<double> y, ReadOnlySpan<double> w)
    {
        double prior0 = 0, prior1 = 0;
        for (int i = 0; i < y.Length; i++)
        {
            double weight = w.IsEmpty ? 1.0 : w[i];
            if (y[i] <= 0)
            {
                prior0 += weight;
            }
            else
            {
                prior1 += weight;
            }
        }

        double hiTarget = (prior1 + 1.0) / (prior1 + 2.0);
        double loTarget = 1.0 / (prior0 + 2.0);
        double a = 0.0;
        double b = Math.Log((prior0 + 1.0) / (prior1 + 1.0));
        double value = Objective(f, y, w, hiTarget, loTarget, a, b);

        for (int iteration = 0; iteration < MaxIterations; iteration++)
        {
            double gA = 0, gB = 0, hAA = 0, hAB = 0, hBB = 0;
            for (int i = 0; i < f.Length; i++)
            {
                double weight = w.IsEmpty ? 1.0 : w[i];
                double t = y[i] > 0 ? hiTarget : loTarget;
                double p = Expit(-((a * f[i]) + b));
                double d = weight * (t - p);
                double c = weight * p * (1 - p);
                gA += d * f[i];
                gB += d;
                hAA += c * f[i] * f[i];
                hAB += c * f[i];
                hBB += c;
            }

            // A tiny ridge keeps the step defined when all scores are equal (A and B are then not identifiable).
            hAA += 1e-12;
            hBB += 1e-12;
            double det = (hAA * hBB) - (hAB * hAB);
            double stepA = -((hBB * gA) - (hAB * gB)) / det;
            double stepB = -((hAA * gB) - (hAB * gA)) / det;
            double slope = (gA * stepA) + (gB * stepB);
            if (!(slope < 0))
            {
                break;
            }

            double size = 1.0;
            double next;
            while (true)
            {
                next = Objective(f, y, w, hiTarget, loTarget, a + (size * stepA), b + (size * stepB));
                if (next <= value + (1e-4 * size * slope) || size < 1e-10)
                {
                    break;
                }

                size /= 2;
            }

            double oldA = a, oldB = b;
            a += size * stepA;
            b += size * stepB;
            value = Math.Min(value, next);
            if (Math.Abs(a - oldA) <= 1e-15 * (1 + Math.Abs(a)) && Math.Abs(b - oldB) <= 1e-15 * (1 + Math.Abs(b)))
            {
                break;
            }
        }

        return (a, b);
    }

    // Σ w·[−t·log p − (1 − t)·log(1 − p)] with p = expit(−(a·f + b)), written to stay finite for large |a·f + b|.
    private static double Objective(ReadOnlySpan<double> f, ReadOnlySpan<double> y, ReadOnlySpan<double> w, double hiTarget, double loTarget, double a, double b)
    {
        double sum = 0;
        for (int i = 0; i < f.Length; i++)
        {
            double weight = w.IsEmpty ? 1.0 : w[i];
            double t = y[i] > 0 ? hiTarget : loTarget;
            double z = (a * f[i]) + b;
            sum += weight * (z >= 0 ? (t * z) + Math.Log(1 + Math.Exp(-z)) : ((t - 1) * z) + Math.Log(1 + Math.Exp(z)));
        }

        return sum;
    }
}
