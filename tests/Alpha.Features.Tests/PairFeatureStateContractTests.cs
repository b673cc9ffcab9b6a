using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Alpha.Features.Tests;

/// <summary>
/// Contract tests for the incremental state, in the style of Lean's CommonIndicatorTests: it equals the batch at
/// every bar, gives the same values after Reset() and replay, reports not-ready during warm-up, and never looks ahead.
/// </summary>
public sealed class PairFeatureStateContractTests
{
    // Segment-local index at which each model input becomes ready with the defaults (DESIGN.md § 5, pyref README):
    // β, z, z_ema, half_life, ema_gap, slope at W − 1; Δz, speed, ρ at W; rho_var at W + 180 − 1; beta_stability at
    // W − 1 + 180 − 1; ATRs at 14; atr_spread and RSI at W + 14 − 1; atr_ratio 100 − 1 later; dd_recent at W − 1 + 48 − 1.
    private static readonly Dictionary<PairFeature, int> s_firstReady = new()
    {
        [PairFeature.Beta] = 179, [PairFeature.Z] = 179, [PairFeature.ZEma] = 179, [PairFeature.HalfLife] = 179,
        [PairFeature.EmaGap] = 179, [PairFeature.Slope] = 179, [PairFeature.Dz] = 180, [PairFeature.Speed] = 180,
        [PairFeature.Rho] = 180, [PairFeature.RhoVar] = 359, [PairFeature.BetaStability] = 358, [PairFeature.AtrA] = 14,
        [PairFeature.AtrB] = 14, [PairFeature.AtrSpread] = 193, [PairFeature.RsiSpread] = 193, [PairFeature.AtrRatio] = 292,
        [PairFeature.DdRecent] = 226,
    };

    [Fact]
    public void Update_EqualsBatchAtEveryBar()
    {
        var pair = SyntheticPair.Create(3000, seed: 21);
        FeatureFrame batch = pair.Features(pair.Segments((0, 3000)));
        var state = new PairFeatureState();
        Span<double> row = stackalloc double[FeatureNames.Count];
        for (int i = 0; i < pair.Count; i++)
        {
            bool ready = state.Update(pair.Bar(i), row);
            Assert.Equal(batch.IsReady(i), ready);
            for (int f = 0; f < FeatureNames.Count; f++)
            {
                Numeric.AssertClose(batch[(PairFeature)f][i], row[f], rel: 1e-9, what: $"{FeatureNames.ModelInputs[f]} at bar {i}");
            }
        }
    }

    [Fact]
    public void Reset_ThenReplay_GivesTheSameValues()
    {
        var pair = SyntheticPair.Create(800, seed: 22);
        var state = new PairFeatureState();
        double[][] first = Run(state, pair, 0, 800);
        Run(state, SyntheticPair.Create(500, seed: 99), 0, 500);
        state.Reset();
        double[][] second = Run(state, pair, 0, 800);

        for (int i = 0; i < first.Length; i++)
        {
            Assert.Equal(first[i], second[i]);
        }
    }

    [Fact]
    public void WarmUp_EachFeatureIsNaNUntilItsWindowIsFull()
    {
        var pair = SyntheticPair.Create(400, seed: 23);
        double[][] rows = Run(new PairFeatureState(), pair, 0, 400);

        foreach ((PairFeature feature, int first) in s_firstReady)
        {
            for (int i = 0; i < rows.Length; i++)
            {
                Assert.True(double.IsNaN(rows[i][(int)feature]) == (i < first), $"{feature} at bar {i}: {rows[i][(int)feature]}");
            }
        }

        Assert.Equal(359, new PairFeatureOptions().FirstReadyBar);
    }

    [Fact]
    public void Update_ReturnsReadyOnlyFromTheFirstReadyBar()
    {
        var pair = SyntheticPair.Create(400, seed: 24);
        var state = new PairFeatureState();
        Span<double> row = stackalloc double[FeatureNames.Count];
        for (int i = 0; i < pair.Count; i++)
        {
            Assert.Equal(i >= 359, state.Update(pair.Bar(i), row));
            Assert.Equal(i >= 359, state.IsReady);
        }
    }

    [Fact]
    public void Update_NaNPrice_IsRejected()
    {
        var state = new PairFeatureState();
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => state.Update(new PairBar(1, 1, double.NaN, 1, 1, 1), new double[FeatureNames.Count]));
        Assert.Equal("CloseA", error.ParamName);
    }

    [Property(Replay = PropertySeed.Replay, MaxTest = 20)]
    public Property Batch_PerturbingLaterBars_ChangesNothingAtOrBeforeT() =>
        
            Prop.ForAll(
                Gen.Choose(360, 790).ToArbitrary(),
                t =>
                {
                    var pair = SyntheticPair.Create(800, seed: 25);
                    var perturbed = pair with
                    {
                        CloseA = [.. pair.CloseA.Select((v, i) => i > t ? v * 1.05 : v)],
                        HighA = [.. pair.HighA.Select((v, i) => i > t ? v * 1.05 : v)],
                        LowB = [.. pair.LowB.Select((v, i) => i > t ? v * 0.9 : v)],
                    };
                    FeatureFrame a = pair.Features(pair.Segments((0, 800)));
                    FeatureFrame b = perturbed.Features(pair.Segments((0, 800)));
                    for (int i = 0; i <= t; i++)
                    {
                        for (int f = 0; f < FeatureNames.Count; f++)
                        {
                            Assert.Equal(a[(PairFeature)f][i], b[(PairFeature)f][i]);
                        }
                    }

                    return true;
                });

    [Property(Replay = PropertySeed.Replay, MaxTest = 12)]
    public Property Features_AreInvariantToPriceUnits_AlphaShiftsByTheLogFactor() =>
        
            Prop.ForAll(
                Gen.Elements(0.01, 0.5, 100.0, 1234.5).Two().ToArbitrary(),
                factors =>
                {
                    (double fa, double fb) = factors;
                    var pair = SyntheticPair.Create(700, seed: 26);
                    FeatureFrame a = pair.Features(pair.Segments((0, 700)));
                    FeatureFrame b = pair.Scaled(fa, fb).Features(pair.Segments((0, 700)));
                    for (int i = 0; i < pair.Count; i++)
                    {
                        for (int f = 0; f < FeatureNames.Count; f++)
                        {
                            Numeric.AssertClose(a[(PairFeature)f][i], b[(PairFeature)f][i], rel: 1e-9, what: $"{FeatureNames.ModelInputs[f]} at {i} (×{fa}, ×{fb})");
                        }

                        double shift = Math.Log(fa) - (a[PairFeature.Beta][i] * Math.Log(fb));
                        Numeric.AssertClose(a.Alpha[i] + shift, b.Alpha[i], rel: 1e-9, what: $"alpha at {i}");
                    }

                    return true;
                });

    private static double[][] Run(PairFeatureState state, SyntheticPair pair, int start, int end)
    {
        var rows = new double[end - start][];
        for (int i = start; i < end; i++)
        {
            rows[i - start] = new double[FeatureNames.Count];
            state.Update(pair.Bar(i), rows[i - start]);
        }

        return rows;
    }
}
