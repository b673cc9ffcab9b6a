using Alpha.Features;

namespace Alpha.Benchmarks.Features;

/// <summary>A seeded cointegrated pair for the feature benchmarks: B a geometric random walk, A = 0.5·B + 0.2 + AR(1) noise.</summary>
internal static class SyntheticBars
{
    public static PairBar[] Create(int count, int seed)
    {
        var random = new Random(seed);
        var bars = new PairBar[count];
        double b = 1.0, noise = 0.0;
        for (int i = 0; i < count; i++)
        {
            b *= 1.0 + (0.004 * (random.NextDouble() - 0.5));
            noise = (0.97 * noise) + (0.004 * (random.NextDouble() - 0.5));
            double a = (0.5 * b) + 0.2 + noise;
            bars[i] = new PairBar(a * 1.001, a * 0.999, a, b * 1.001, b * 0.999, b);
        }

        return bars;
    }
}
