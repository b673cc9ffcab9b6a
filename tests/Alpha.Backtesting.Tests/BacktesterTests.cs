using FsCheck;
using Alpha.Backtesting;
using FsCheck.Xunit;
using Alpha.Features;
using Alpha.MarketData;
using Alpha.Signals;
using FsCheck.Fluent;

namespace Alpha.Backtesting.Tests;

public sealed class BacktesterTests
{
    private static readonly Lazy<PairMarket> s_market = new(() => Synthetic(4000, 3));

    // A mean-reverting synthetic pair on 4-hour bars: B a geometric random walk, A = 0.5·B + 0.2 + AR(1) noise.
    internal static PairMarket Synthetic(int bars, ulong seed, int perturbAfter = int.MaxValue)
    {
        var rng = new Lcg(seed);
        double[] closeA = new double[bars], closeB = new double[bars];
        double b = 1.0, noise = 0.0;
        for (int i = 0; i < bars; i++)
        {
            b *= 1.0 + (0.004 * (rng.Next() - 0.5));
            noise = (0.97 * noise) + (0.006 * (rng.Next() - 0.5));
            closeA[i] = ((0.5 * b) + 0.2 + noise) * (i > perturbAfter ? 1.02 : 1);
            closeB[i] = b;
        }

        double[] openA = [closeA[0], .. closeA[..^1]], openB = [closeB[0], .. closeB[..^1]];
        DateTime[] time = [.. Enumerable.Range(0, bars).Select(i => new DateTime(2015, 1, 5, 0, 0, 0, DateTimeKind.Utc).AddHours(4 * i))];
        return PairMarket.Create(time, openA, [.. closeA.Select(v => v * 1.001)], [.. closeA.Select(v => v * 0.999)], closeA, openB, [.. closeB.Select(v => v * 1.001)], [.. closeB.Select(v => v * 0.999)], closeB, new int[bars]);
    }

    internal static SpreadSeries Spread(PairMarket market) =>
        SpreadSeries.From(PairFeatures.Compute(market.HighA, market.LowA, market.CloseA, market.HighB, market.LowB, market.CloseB, market.Segment));

    [Fact]
    public void Run_TradesOnlyCandidates_OnePositionAtATime()
    {
        BacktestResult result = Backtester.Run(s_market.Value, Spread(s_market.Value), EntryDecisions.All(s_market.Value.Count));

        Assert.True(result.Trades.Length > 20, $"{result.Trades.Length} trades");
        for (int k = 1; k < result.Trades.Length; k++)
        {
            Assert.True(result.Trades[k].EntryBar >= result.Trades[k - 1].ExitBar, "overlapping trades");
        }

        Assert.All(result.Trades, t => Assert.InRange(Math.Abs(t.EntryZ), 2.0, 3.5));
        Assert.All(result.Trades, t => Assert.Equal(t.DecisionBar + 1, t.EntryBar));
        Assert.Equal(result.Summary.EndingEquity, 1_000_000 + result.Trades.Sum(t => t.Pnl), 6);
    }

    [Property(Replay = PropertySeed.Replay, MaxTest = 12)]
    public Property Run_PerturbingBarsAfterT_ChangesNothingDecidedAtOrBeforeT() =>
        Prop.ForAll(Gen.Choose(600, 3900).ToArbitrary(), t =>
        {
            PairMarket original = s_market.Value, perturbed = Synthetic(4000, 3, perturbAfter: t);
            BacktestResult a = Backtester.Run(original, Spread(original), EntryDecisions.All(4000));
            BacktestResult b = Backtester.Run(perturbed, Spread(perturbed), EntryDecisions.All(4000));

            // Trades whose exit was decided at or before t (filled at t + 1 at the latest) are identical,
            // and so are the entry decisions taken at or before t.
            Assert.Equal(a.Trades.Where(x => x.ExitBar <= t).ToArray(), b.Trades.Where(x => x.ExitBar <= t).ToArray());
            Assert.Equal(a.Trades.Where(x => x.DecisionBar <= t).Select(x => x.DecisionBar), b.Trades.Where(x => x.DecisionBar <= t).Select(x => x.DecisionBar));
            return true;
        });

    [Fact]
    public void Run_Latency_FillsOneBarLater()
    {
        var options = new BacktestOptions { Rules = new() { EntryDelayBars = 1 } };
        BacktestResult result = Backtester.Run(s_market.Value, Spread(s_market.Value), EntryDecisions.All(s_market.Value.Count), options);
        Assert.All(result.Trades, t => Assert.Equal(t.DecisionBar + 2, t.EntryBar));
    }

    [Fact]
    public void CandidateTrades_SimulateEachCandidateAlone()
    {
        SpreadSeries spread = Spread(s_market.Value);
        var alone = Backtester.CandidateTrades(s_market.Value, spread);
        BacktestResult portfolio = Backtester.Run(s_market.Value, spread, EntryDecisions.All(s_market.Value.Count));

        Assert.True(alone.Length > portfolio.Trades.Length, "overlapping candidates add trades");
        Trade first = portfolio.Trades[0];
        Assert.Equal(first, alone.Single(x => x.DecisionBar == first.DecisionBar));
    }

    [Fact]
    public void Run_MismatchedLengths_Throw() =>
        Assert.Throws<ArgumentException>(() => Backtester.Run(s_market.Value, Spread(s_market.Value), EntryDecisions.All(10)));

    [Fact]
    public void Decisions_FromProbabilities_ClipAndCompareStrictly()
    {
        EntryDecisions d = EntryDecisions.FromProbabilities([0.7, 0.7, 1.0, 0.6, double.NaN], [0.2, 0.4, 0.0, 0.1, 0.1], theta1: 0.6, theta2: 0.4);
        Assert.Equal(new[] { true, false, true, false, false }, d.Allow.ToArray());
    }

    [SharedDataFact]
    public void RealAudNzd_SimpleZRuleWithCosts_RunsEndToEnd()
    {
        var reader = new BarCsvReader();
        AlignedPair pair = PairAligner.Align(reader.Load(TestEnvironment.SharedFile("fx-audnzd", "AUDUSD_H4.csv")), reader.Load(TestEnvironment.SharedFile("fx-audnzd", "NZDUSD_H4.csv")));
        FeatureFrame frame = PairFeatures.Compute(pair);
        BacktestResult result = Backtester.Run(PairMarket.From(pair), SpreadSeries.From(frame), EntryDecisions.All(pair.Count), new BacktestOptions { Rules = new() { MaxSpeed = 0.38 } });

        Assert.True(result.Trades.Length > 100);
        Assert.InRange(result.Summary.Years, 15.9, 16.1);
        Assert.True(double.IsFinite(result.Summary.Sharpe) && result.Summary.MaxDrawdown is > 0 and < 1);
        Assert.All(result.Trades, t => Assert.True(t.Costs > 0));
        Assert.Equal(result.Summary.EndingEquity, result.Daily[^1].Equity);
    }
}
