namespace Alpha.Optimization;

/// <summary>
/// The adoption guard's bootstrap: both trade sequences resampled independently in blocks of consecutive trades
/// (moving blocks), each resample's objective computed from its own compounded equity path.
/// </summary>
internal static class BlockBootstrap
{
    /// <summary>The (lower, upper) percentiles of objective(new resample) − objective(old resample).</summary>
    public static (double Lower, double Upper) ImprovementInterval(ThetaEvaluation candidate, ThetaEvaluation current, ThetaSearchOptions options)
    {
        var random = new Random(options.Seed);
        var improvements = new double[options.BootstrapResamples];
        for (int i = 0; i < improvements.Length; i++)
        {
            improvements[i] = Objective(Resample(candidate, random, options.BootstrapBlock), candidate, options)
                - Objective(Resample(current, random, options.BootstrapBlock), current, options);
        }

        Array.Sort(improvements);
        double tail = (1 - options.BootstrapConfidence) / 2;
        return (SortedQuantile.Linear(improvements, tail), SortedQuantile.Linear(improvements, 1 - tail));
    }

    private static double[] Resample(ThetaEvaluation evaluation, Random random, int block)
    {
        int n = evaluation.TradeReturns.Length;
        var resample = new double[n];
        int length = Math.Min(block, n);
        for (int filled = 0; filled < n;)
        {
            int start = random.Next(n - length + 1);
            for (int k = 0; k < length && filled < n; k++)
            {
                resample[filled++] = evaluation.TradeReturns[start + k];
            }
        }

        return resample;
    }

    // The search objective of a resampled trade path: annual return and MaxDD of its compounded equity.
    private static double Objective(double[] returns, ThetaEvaluation original, ThetaSearchOptions options)
    {
        double equity = 1, peak = 1, maxDrawdown = 0;
        foreach (double r in returns)
        {
            equity *= 1 + r;
            peak = Math.Max(peak, equity);
            maxDrawdown = Math.Max(maxDrawdown, (peak - equity) / peak);
        }

        double annual = equity > 0 && original.Years > 0 ? Math.Pow(equity, 1 / original.Years) - 1 : -1;
        return ThetaOptimizer.Objective(annual, maxDrawdown, original.FalsePositiveRate, options);
    }
}
