namespace Alpha.Benchmarks.Boosting;

/// <summary>The evaluation benchmarks' training data: seeded uniform features in [-1, 1] and a noisy linear class label.</summary>
internal static class BoosterBenchmarkData
{
    public static (float[] X, float[] Y) Make(int rows, int features, double missingShare = 0)
    {
        var random = new Random(11);
        var x = new float[rows * features];
        var y = new float[rows];
        for (int i = 0; i < rows; i++)
        {
            double s = 0;
            for (int j = 0; j < features; j++)
            {
                float v = (float)((random.NextDouble() * 2) - 1);
                x[(i * features) + j] = missingShare > 0 && random.NextDouble() < missingShare ? float.NaN : v;
                s += (j % 3 == 0 ? 1 : -0.5) * v * (1 + (j % 4));
            }

            y[i] = s + random.NextDouble() - 0.5 > 0 ? 1 : 0;
        }

        return (x, y);
    }
}
