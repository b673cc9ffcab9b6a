using Alpha.MarketData;

namespace Alpha.Features.Tests;

/// <summary>The O(1) kernels against the direct windowed evaluation of the definitions, at every bar.</summary>
public sealed class DirectOracleTests
{
    [Fact]
    public void Batch_EqualsDirectEvaluation_OnALongRandomWalkWithTwoSegments()
    {
        var pair = SyntheticPair.Create(6000, seed: 11);
        (int, int)[] ranges = [(0, 2500), (2510, 6000)];
        AssertAgree(pair, pair.Segments(ranges), ranges, new PairFeatureOptions());
    }

    [Fact]
    public void Batch_EqualsDirectEvaluation_WithOtherWindowsAndFrequentRecomputation()
    {
        var pair = SyntheticPair.Create(1500, seed: 12);
        var options = new PairFeatureOptions { Window = 60, RhoVarianceWindow = 30, BetaStabilityWindow = 45, AtrRatioWindow = 20, DrawdownWindow = 10, SlopeWindow = 7, WilderPeriod = 5, RecomputeEvery = 17 };
        (int, int)[] ranges = [(0, 1500)];
        AssertAgree(pair, pair.Segments(ranges), ranges, options);
    }

    [SharedDataFact]
    public void Batch_EqualsDirectEvaluation_OnTheRealPair()
    {
        var reader = new BarCsvReader();
        AlignedPair real = PairAligner.Align(reader.Load(TestEnvironment.SharedFile("fx-audnzd", "AUDUSD_H4.csv")), reader.Load(TestEnvironment.SharedFile("fx-audnzd", "NZDUSD_H4.csv")));
        var pair = new SyntheticPair(real.HighA.ToArray(), real.LowA.ToArray(), real.CloseA.ToArray(), real.HighB.ToArray(), real.LowB.ToArray(), real.CloseB.ToArray());
        AssertAgree(pair, real.Segment.ToArray(), real.Segments.Select(s => (s.Start, s.End)).ToArray(), new PairFeatureOptions());
    }

    private static void AssertAgree(SyntheticPair pair, int[] segment, (int Start, int End)[] ranges, PairFeatureOptions options)
    {
        FeatureFrame batch = pair.Features(segment, options);
        var direct = DirectFeatures.Compute(pair.HighA, pair.LowA, pair.CloseA, pair.HighB, pair.LowB, pair.CloseB, ranges, options);
        int numbers = 0;
        for (int i = 0; i < pair.Count; i++)
        {
            for (int f = 0; f < FeatureNames.Count; f++)
            {
                Numeric.AssertClose(direct.Inputs[f][i], batch[(PairFeature)f][i], rel: 1e-9, what: $"{FeatureNames.ModelInputs[f]} at bar {i}");
                numbers += double.IsNaN(direct.Inputs[f][i]) ? 0 : 1;
            }

            Numeric.AssertClose(direct.Alpha[i], batch.Alpha[i], rel: 1e-9, what: $"alpha at bar {i}");
            Numeric.AssertClose(direct.Sigma[i], batch.Sigma[i], rel: 1e-9, what: $"sigma at bar {i}");
            Numeric.AssertClose(direct.Spread[i], batch.Spread[i], rel: 1e-9, what: $"spread at bar {i}");
            Numeric.AssertClose(direct.R[i], batch.HedgedReturn[i], rel: 1e-9, what: $"r at bar {i}");
        }

        Assert.True(numbers > pair.Count * FeatureNames.Count / 2, "most values should be ready");
    }
}
