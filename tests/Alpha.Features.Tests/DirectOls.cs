namespace Alpha.Features.Tests;

/// <summary>The oracle's least-squares fits over one window, centred two-pass.</summary>
internal static class DirectOls
{
    /// <summary>y = α + β·x: intercept, slope and residual standard deviation √(RSS / (n − 2)).</summary>
    public static (double Alpha, double Beta, double Sigma) Fit(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        int n = x.Length;
        double meanX = 0, meanY = 0;
        for (int k = 0; k < n; k++)
        {
            meanX += x[k];
            meanY += y[k];
        }

        meanX /= n;
        meanY /= n;
        double sxx = 0, sxy = 0, syy = 0;
        for (int k = 0; k < n; k++)
        {
            double dx = x[k] - meanX, dy = y[k] - meanY;
            sxx += dx * dx;
            sxy += dx * dy;
            syy += dy * dy;
        }

        double beta = sxy / sxx;
        double alpha = meanY - (beta * meanX);
        double rss = 0;
        for (int k = 0; k < n; k++)
        {
            double e = y[k] - alpha - (beta * x[k]);
            rss += e * e;
        }

        return (alpha, beta, Math.Sqrt(rss / (n - 2)));
    }

    /// <summary>The OLS slope of y on its positions 0 … n − 1 (per bar).</summary>
    public static double TimeSlope(ReadOnlySpan<double> y)
    {
        int n = y.Length;
        double meanT = (n - 1) / 2.0;
        double meanY = 0;
        for (int k = 0; k < n; k++)
        {
            meanY += y[k];
        }

        meanY /= n;
        double stt = 0, sty = 0;
        for (int k = 0; k < n; k++)
        {
            double dt = k - meanT;
            stt += dt * dt;
            sty += dt * (y[k] - meanY);
        }

        return sty / stt;
    }
}
