namespace Alpha.Features.Tests;

/// <summary>
/// A deterministic cointegrated pair for the tests (and the golden generator, which re-creates it bit for bit from
/// the same LCG): B is a geometric random walk, A = 0.5·B + 0.2 + an AR(1) noise; highs and lows around the close.
/// Only IEEE products and sums, so Python and .NET build the same doubles.
/// </summary>
internal sealed record SyntheticPair(double[] HighA, double[] LowA, double[] CloseA, double[] HighB, double[] LowB, double[] CloseB)
{
    public int Count => CloseA.Length;

    public static SyntheticPair Create(int bars, ulong seed)
    {
        var rng = new Lcg(seed);
        double[] highA = new double[bars], lowA = new double[bars], closeA = new double[bars];
        double[] highB = new double[bars], lowB = new double[bars], closeB = new double[bars];
        double b = 1.0, noise = 0.0;
        for (int i = 0; i < bars; i++)
        {
            double u1 = rng.Next(), u2 = rng.Next(), u3 = rng.Next(), u4 = rng.Next(), u5 = rng.Next(), u6 = rng.Next();
            b *= 1.0 + (0.004 * (u1 - 0.5));
            noise = (0.97 * noise) + (0.004 * (u2 - 0.5));
            double a = (0.5 * b) + 0.2 + noise;
            closeA[i] = a;
            closeB[i] = b;
            highA[i] = a * (1.0 + (0.002 * u3));
            lowA[i] = a * (1.0 - (0.002 * u4));
            highB[i] = b * (1.0 + (0.002 * u5));
            lowB[i] = b * (1.0 - (0.002 * u6));
        }

        return new SyntheticPair(highA, lowA, closeA, highB, lowB, closeB);
    }

    /// <summary>Leg A's prices times <paramref name="factorA"/> and leg B's times <paramref name="factorB"/> (a change of units).</summary>
    public SyntheticPair Scaled(double factorA, double factorB) => new(
        [.. HighA.Select(v => v * factorA)], [.. LowA.Select(v => v * factorA)], [.. CloseA.Select(v => v * factorA)],
        [.. HighB.Select(v => v * factorB)], [.. LowB.Select(v => v * factorB)], [.. CloseB.Select(v => v * factorB)]);

    public FeatureFrame Features(int[] segment, PairFeatureOptions? options = null) =>
        PairFeatures.Compute(HighA, LowA, CloseA, HighB, LowB, CloseB, segment, options);

    public PairBar Bar(int i) => new(HighA[i], LowA[i], CloseA[i], HighB[i], LowB[i], CloseB[i]);

    /// <summary>Segment ids for the given [start, end) ranges (−1 elsewhere).</summary>
    public int[] Segments(params (int Start, int End)[] ranges)
    {
        var segment = Enumerable.Repeat(-1, Count).ToArray();
        for (int s = 0; s < ranges.Length; s++)
        {
            for (int i = ranges[s].Start; i < ranges[s].End; i++)
            {
                segment[i] = s;
            }
        }

        return segment;
    }
}
