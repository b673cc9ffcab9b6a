using Alpha.MarketData;

namespace Alpha.Training.Tests;

public sealed class SyntheticPairTests
{
    [Fact]
    public void SameSeed_SameBars_OtherSeed_OtherBars()
    {
        (BarSeries a1, BarSeries b1) = SyntheticPair.Generate(new SyntheticPairOptions { Seed = 5, Bars = 2000 });
        (BarSeries a2, BarSeries b2) = SyntheticPair.Generate(new SyntheticPairOptions { Seed = 5, Bars = 2000 });
        (BarSeries a3, _) = SyntheticPair.Generate(new SyntheticPairOptions { Seed = 6, Bars = 2000 });

        Assert.Equal(PairDataset.FromSeries(a1, b1).DataHash, PairDataset.FromSeries(a2, b2).DataHash);
        Assert.NotEqual(a1.Close.ToArray(), a3.Close.ToArray());
    }

    [Fact]
    public void Spread_IsOrnsteinUhlenbeckWithTheConfiguredHalfLife()
    {
        var options = new SyntheticPairOptions { Seed = 11, Bars = 60_000, RegimeShifts = 0, GapProbability = 0, WeekendClosures = false, HalfLifeBars = 30 };
        (BarSeries a, BarSeries b) = SyntheticPair.Generate(options);

        // s = log A − α − β log B; regress Δs on s₋₁: λ = φ − 1, half-life = −ln 2 / ln φ.
        double[] s = [.. Enumerable.Range(0, a.Count).Select(i => Math.Log(a.Close[i]) - options.Alpha - (options.Beta * Math.Log(b.Close[i])))];
        double sxy = 0, sxx = 0;
        for (int i = 1; i < s.Length; i++)
        {
            sxy += s[i - 1] * s[i];
            sxx += s[i - 1] * s[i - 1];
        }

        double halfLife = -Math.Log(2) / Math.Log(sxy / sxx);
        Assert.InRange(halfLife, 27, 33);
    }

    [Fact]
    public void Closures_And_Gaps_AreThere_And_TheAlignerHandlesThem()
    {
        (BarSeries a, BarSeries b) = SyntheticPair.Generate(new SyntheticPairOptions { Seed = 2, Bars = 6000, GapProbability = 0.01 });

        Assert.DoesNotContain(a.Time.ToArray(), t => t.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday);
        Assert.NotEqual(a.Count, b.Count);
        AlignedPair pair = PairAligner.Align(a, b);
        Assert.True(pair.Report.FilledA + pair.Report.FilledB > 0);
        Assert.Equal(TimeSpan.FromHours(4), pair.Report.Timeframe);
    }

    [Fact]
    public void BadOptions_AreRefused() =>
        Assert.Throws<ArgumentException>(() => SyntheticPair.Generate(new SyntheticPairOptions { HalfLifeBars = double.NaN }));
}
