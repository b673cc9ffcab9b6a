namespace Alpha.Backtesting;

/// <summary>The price transformations of the stress scenarios (seeded).</summary>
internal static class StressPrices
{
    public static PairMarket AtrNoise(PairMarket market, double fraction, int seed)
    {
        Guard.NonNegative(fraction, nameof(fraction));
        var random = new Random(seed);
        double[][] a = Copy(market.A), b = Copy(market.B);
        for (int i = 0; i < market.Count; i++)
        {
            Scale(a, i, Math.Exp(fraction * Normal(random) * (market.A[1][i] - market.A[2][i]) / market.A[3][i]));
            Scale(b, i, Math.Exp(fraction * Normal(random) * (market.B[1][i] - market.B[2][i]) / market.B[3][i]));
        }

        return market.With(a, b);
    }

    public static PairMarket ShuffleB(PairMarket market, int start, int length, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(length);
        int end = Math.Min(market.Count, start + length);
        double[][] b = Copy(market.B);
        var returns = new double[end - start];
        for (int i = start; i < end; i++)
        {
            returns[i - start] = i == 0 ? 0 : Math.Log(market.B[3][i] / market.B[3][i - 1]);
        }

        new Random(seed).Shuffle(returns);
        for (int i = Math.Max(start, 1); i < end; i++)
        {
            // Rebuild the close path from the shuffled returns; open, high and low move with their close.
            double close = b[3][i - 1] * Math.Exp(returns[i - start]);
            Scale(b, i, close / market.B[3][i]);
        }

        // After the window the path continues from where the shuffled one ended.
        double shift = b[3][end - 1] / market.B[3][end - 1];
        for (int i = end; i < market.Count; i++)
        {
            Scale(b, i, shift);
        }

        return market.With(Copy(market.A), b);
    }

    public static PairMarket Gaps(PairMarket market, int count, double jump, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        Guard.NonNegative(jump, nameof(jump));
        var random = new Random(seed);
        var factor = new double[market.Count];
        factor.AsSpan().Fill(1);
        for (int g = 0; g < count; g++)
        {
            int at = random.Next(1, market.Count);
            double move = Math.Exp(random.Next(2) == 0 ? jump : -jump);
            for (int i = at; i < market.Count; i++)
            {
                factor[i] *= move;
            }
        }

        double[][] a = Copy(market.A);
        for (int i = 0; i < market.Count; i++)
        {
            Scale(a, i, factor[i]);
        }

        return market.With(a, Copy(market.B));
    }

    private static double[][] Copy(double[][] columns) => [.. columns.Select(c => (double[])c.Clone())];

    private static void Scale(double[][] columns, int bar, double factor)
    {
        foreach (double[] column in columns)
        {
            column[bar] *= factor;
        }
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
