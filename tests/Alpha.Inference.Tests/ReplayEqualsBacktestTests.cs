using Alpha.Backtesting;
using Alpha.Inference;
using Alpha.MarketData;
using Alpha.Signals;
using Alpha.Training;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Xunit.Abstractions;

namespace Alpha.Inference.Tests;

/// <summary>
/// Batch = live (DESIGN.md § 6): replaying a pair's bars through the engine yields exactly the backtest's trades —
/// decision, entry and exit bars, sides, quantities, prices, P&amp;L — for the same version, data and θ.
/// </summary>
public sealed class ReplayEqualsBacktestTests(TrainedVersion version, ITestOutputHelper output) : IClassFixture<TrainedVersion>
{
    // θ loose enough that every replay trades: the comparison is of many trades, not of none.
    private const double Theta1 = 0.5, Theta2 = 0.6;

    internal static void AssertSameTrades(BacktestResult backtest, PairEngine engine)
    {
        Trade[] expected = PairReplay.ExpectedTrades(backtest, engine);
        Assert.NotEmpty(expected);
        Assert.Equal(expected.Length, engine.Trades.Count);
        for (int k = 0; k < expected.Length; k++)
        {
            Assert.Equal(expected[k], engine.Trades[k]);
        }
    }

    [Property(Replay = PropertySeed.Replay, MaxTest = 8)]
    public Property SyntheticPairs_ReplayEqualsBacktest() =>
        Prop.ForAll(Gen.Choose(10, 10_000).ToArbitrary(), seed =>
        {
            (BarSeries a, BarSeries b) = SyntheticPair.Generate(new SyntheticPairOptions { Seed = seed, Bars = 3_000, GapProbability = 0.004 });
            PairEngine engine = version.Engine(Theta1, Theta2);
            List<Signal> signals = PairReplay.Run(engine, a, b);

            AssertSameTrades(version.Backtest(a, b, Theta1, Theta2), engine);
            Assert.Equal(engine.Trades.Count, signals.Count(s => s.Action == SignalAction.Exit));
            Assert.All(signals, s => s.Validate());
            output.WriteLine($"seed {seed}: {engine.Trades.Count} trades equal, {signals.Count} signals, split exits {engine.Trades.Count(t => t.ExitReason == ExitReason.SegmentSplit)}");
            return true;
        });

    [Property(Replay = PropertySeed.Replay, MaxTest = 8)]
    public Property PairsWithSegmentSplits_ReplayEqualsBacktest() =>
        Prop.ForAll(Gen.Choose(10, 10_000).ToArbitrary(), seed =>
        {
            (BarSeries a, BarSeries b) = SyntheticPair.Generate(new SyntheticPairOptions { Seed = seed, Bars = 6_000 });
            BarSeries split = WithSplits(a, gaps: 8, seed);
            PairEngine engine = version.Engine(0.3, 0.95);
            List<Signal> signals = PairReplay.Run(engine, split, b);

            AssertSameTrades(version.Backtest(split, b, 0.3, 0.95), engine);
            output.WriteLine($"seed {seed}: {engine.Trades.Count} trades equal, split exits {engine.Trades.Count(t => t.ExitReason == ExitReason.SegmentSplit)}, segments {engine.Segment + 1}");
            return true;
        });

    [Fact]
    public void APositionOpenAtASplit_ExitsAtTheNextSegment_InBothPaths()
    {
        (BarSeries a, BarSeries b) = SyntheticPair.Generate(new SyntheticPairOptions { Seed = 11, Bars = 6_000 });
        PairEngine engine = version.Engine(0.3, 0.95);
        BacktestResult backtest = version.Backtest(a, b, 0.3, 0.95);

        // Cut leg A for 10 bars (longer than a day of 4-hour bars: a split) right after the first entry's fill.
        Trade first = backtest.Trades[0];
        DateTime cut = first.EntryTime.AddHours(8);
        BarSeries split = BarSeries.FromBars("A", Enumerable.Range(0, a.Count).Select(i => a[i]).Where(x => x.Time < cut || x.Time >= cut.AddHours(40)));
        List<Signal> signals = PairReplay.Run(engine, split, b);

        AssertSameTrades(version.Backtest(split, b, 0.3, 0.95), engine);
        Trade splitExit = engine.Trades[0];
        Assert.Equal(ExitReason.SegmentSplit, splitExit.ExitReason);
        Assert.True(splitExit.ExitTime >= cut.AddHours(40));
        Signal exit = signals.First(s => s.Action == SignalAction.Exit);
        Assert.Equal(("segment_split", new DateTimeOffset(splitExit.ExitTime)), (exit.Reason, exit.Timestamp));
    }

    // Leg A loses `gaps` runs of 10 bars (beyond one day of 4-hour bars): each splits the series.
    private static BarSeries WithSplits(BarSeries a, int gaps, int seed)
    {
        var rng = new Random(seed);
        var removed = new HashSet<int>();
        for (int g = 0; g < gaps; g++)
        {
            int start = rng.Next(300, a.Count - 20);
            for (int k = start; k < start + 10; k++)
            {
                removed.Add(k);
            }
        }

        return BarSeries.FromBars(a.Symbol, Enumerable.Range(0, a.Count).Where(i => !removed.Contains(i)).Select(i => a[i]));
    }

    [SharedDataFact]
    public void RealAudNzd_ReplayEqualsBacktest()
    {
        var reader = new BarCsvReader();
        BarSeries a = reader.Load(TestEnvironment.SharedFile("fx-audnzd", "AUDUSD_H4.csv"));
        BarSeries b = reader.Load(TestEnvironment.SharedFile("fx-audnzd", "NZDUSD_H4.csv"));
        PairEngine engine = version.Engine(Theta1, Theta2);
        List<Signal> signals = PairReplay.Run(engine, a, b);

        BacktestResult backtest = version.Backtest(a, b, Theta1, Theta2);
        AssertSameTrades(backtest, engine);
        Assert.True(engine.Trades.Count > 50, $"{engine.Trades.Count} trades");
        Assert.Equal(signals.Select(s => s.Id).Distinct().Count(), signals.Count);
        output.WriteLine($"AUD/NZD: {engine.WatermarkIndex + 1} bars, {engine.Trades.Count} trades equal to the backtest's ({backtest.Trades.Length} incl. the one open at the end), {signals.Count} signals");
    }
}
