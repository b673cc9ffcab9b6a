using Alpha.Features;
using Alpha.MarketData;

namespace Alpha.Labeling.Tests;

/// <summary>Feature frames for the labeling tests: a synthetic mean-reverting pair, and the real AUD/NZD pair.</summary>
internal static class LabelingData
{
    private static readonly Lazy<FeatureFrame> s_synthetic = new(() => Synthetic(5000, 3));

    public static FeatureFrame SyntheticFrame => s_synthetic.Value;

    /// <summary>B a geometric random walk, A = 0.5·B + 0.2 + AR(1) noise (one segment).</summary>
    public static FeatureFrame Synthetic(int bars, ulong seed)
    {
        var rng = new Lcg(seed);
        double[] highA = new double[bars], lowA = new double[bars], closeA = new double[bars], highB = new double[bars], lowB = new double[bars], closeB = new double[bars];
        double b = 1.0, noise = 0.0;
        for (int i = 0; i < bars; i++)
        {
            b *= 1.0 + (0.004 * (rng.Next() - 0.5));
            noise = (0.97 * noise) + (0.004 * (rng.Next() - 0.5));
            closeA[i] = (0.5 * b) + 0.2 + noise;
            closeB[i] = b;
            highA[i] = closeA[i] * (1 + (0.002 * rng.Next()));
            lowA[i] = closeA[i] * (1 - (0.002 * rng.Next()));
            highB[i] = b * (1 + (0.002 * rng.Next()));
            lowB[i] = b * (1 - (0.002 * rng.Next()));
        }

        return PairFeatures.Compute(highA, lowA, closeA, highB, lowB, closeB, new int[bars]);
    }

    public static FeatureFrame Real()
    {
        var reader = new BarCsvReader();
        return PairFeatures.Compute(PairAligner.Align(reader.Load(TestEnvironment.SharedFile("fx-audnzd", "AUDUSD_H4.csv")), reader.Load(TestEnvironment.SharedFile("fx-audnzd", "NZDUSD_H4.csv"))));
    }

    public static int[] ReadyBars(FeatureFrame frame) => [.. Enumerable.Range(0, frame.Count).Where(frame.IsReady)];
}
