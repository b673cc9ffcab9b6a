using Alpha.MarketData;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Alpha.MarketData.Tests;

/// <summary>
/// The incremental alignment the live engine runs: whatever the interleaving of the two legs' bars, it emits exactly
/// the batch alignment (which runs it in one fixed order), over random patterns of fills, closures and splits.
/// </summary>
public sealed class PairAlignmentStateTests
{
    private static readonly DateTime s_start = new(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    // A union axis of hourly times in runs: both legs, A only, or B only; run lengths 1–30 so fills (≤ 2),
    // closures (≤ 24) and splits (> 24) all occur. Closes are a seeded random walk per leg.
    private static (BarSeries A, BarSeries B) RandomLegs(int seed)
    {
        var rng = new Random(seed);
        var a = new List<Bar>();
        var b = new List<Bar>();
        double pa = 1, pb = 2;
        int hour = 0;
        for (int run = 0; run < 40; run++)
        {
            int kind = run == 0 ? 0 : rng.Next(3), length = kind == 0 ? rng.Next(5, 60) : rng.Next(1, 31);
            for (int k = 0; k < length; k++, hour += 1 + (rng.Next(10) == 0 ? 5 : 0))
            {
                DateTime t = s_start.AddHours(hour);
                pa *= Math.Exp(0.01 * (rng.NextDouble() - 0.5) * (rng.Next(200) == 0 ? 40 : 1));
                pb *= Math.Exp(0.01 * (rng.NextDouble() - 0.5));
                if (kind != 2)
                {
                    a.Add(new Bar(t, pa * 0.999, pa * 1.002, pa * 0.997, pa, 1));
                }

                if (kind != 1)
                {
                    b.Add(new Bar(t, pb * 1.001, pb * 1.003, pb * 0.998, pb, 1));
                }
            }
        }

        return (BarSeries.FromBars("A", a), BarSeries.FromBars("B", b));
    }

    private static List<AlignedBar> Incremental(BarSeries a, BarSeries b, int seed, PairAlignmentOptions options)
    {
        var rng = new Random(seed);
        var state = new PairAlignmentState("A", "B", TimeSpan.FromHours(1), options);
        var emitted = new List<AlignedBar>();
        int i = 0, j = 0;
        while (i < a.Count || j < b.Count)
        {
            // Either leg may run ahead of the other by any amount.
            bool takeA = j >= b.Count || (i < a.Count && rng.Next(2) == 0);
            int burst = rng.Next(1, 40);
            for (int k = 0; k < burst; k++)
            {
                if (takeA && i < a.Count)
                {
                    state.Add(PairLeg.A, a[i++]);
                }
                else if (!takeA && j < b.Count)
                {
                    state.Add(PairLeg.B, b[j++]);
                }
            }

            while (state.TryTake(out AlignedBar bar))
            {
                emitted.Add(bar);
            }
        }

        state.Complete();
        while (state.TryTake(out AlignedBar bar))
        {
            emitted.Add(bar);
        }

        return emitted;
    }

    [Property(Replay = PropertySeed.Replay, MaxTest = 60)]
    public Property AnyInterleaving_EmitsTheBatchAlignment() =>
        Prop.ForAll(Gen.Choose(0, 1_000_000).Two().ToArbitrary(), seeds =>
        {
            (BarSeries a, BarSeries b) = RandomLegs(seeds.Item1);
            var options = new PairAlignmentOptions { Timeframe = TimeSpan.FromHours(1), OutlierWindow = 20 };
            AlignedPair batch = PairAligner.Align(a, b, options);
            List<AlignedBar> live = Incremental(a, b, seeds.Item2, options);

            Assert.Equal(batch.Count, live.Count);
            for (int k = 0; k < live.Count; k++)
            {
                AlignedBar x = live[k];
                Assert.Equal(
                    (batch.Time[k], batch.OpenA[k], batch.HighA[k], batch.LowA[k], batch.CloseA[k], batch.OpenB[k], batch.HighB[k], batch.LowB[k], batch.CloseB[k]),
                    (x.Time, x.OpenA, x.HighA, x.LowA, x.CloseA, x.OpenB, x.HighB, x.LowB, x.CloseB));
                Assert.Equal(
                    (batch.FilledA[k], batch.FilledB[k], batch.OutlierA[k], batch.OutlierB[k], batch.Segment[k], false),
                    (x.FilledA, x.FilledB, x.OutlierA, x.OutlierB, x.Segment, x.Stale));
            }

            return batch.Report.Segments > 1 && batch.Report.ClosureRuns > 0 && batch.Report.FilledA + batch.Report.FilledB > 0
                ? true.Label("every kind of gap occurred")
                : true.Label("fewer kinds of gap");
        });

    [Fact]
    public void AFillIsDecidedWhenTheLegReturns_AtMostTwoBarsLate()
    {
        var state = new PairAlignmentState("A", "B", TimeSpan.FromHours(1));
        for (int h = 0; h < 5; h++)
        {
            state.Add(PairLeg.B, Hourly(h, 2));
        }

        state.Add(PairLeg.A, Hourly(0, 1));
        state.Add(PairLeg.A, Hourly(1, 1));
        Assert.Equal(2, Drain(state).Count);                     // hours 0 and 1 are final; A is missing at 2 and 3 so far

        state.Add(PairLeg.A, Hourly(4, 1.1));                    // A returns at hour 4: hours 2–3 were a fill
        List<AlignedBar> bars = Drain(state);
        Assert.Equal([2, 3, 4], bars.Select(b => b.Time.Hour));
        Assert.Equal([true, true, false], bars.Select(b => b.FilledA));
        Assert.Equal(1.0, bars[0].CloseA);
    }

    [Fact]
    public void Expire_FinalisesBarsALaggingLegHasNotReached_AndCountsItsLateBars()
    {
        var state = new PairAlignmentState("A", "B", TimeSpan.FromHours(1));
        state.Add(PairLeg.A, Hourly(0, 1));
        state.Add(PairLeg.B, Hourly(0, 2));
        for (int h = 1; h < 4; h++)
        {
            state.Add(PairLeg.B, Hourly(h, 2));
        }

        Assert.Single(Drain(state));
        state.Expire(s_start.AddHours(2));                         // stale_after passed for hours 1 and 2
        List<AlignedBar> stale = Drain(state);
        Assert.Equal([1, 2], stale.Select(b => b.Time.Hour));
        Assert.All(stale, b => Assert.True(b.Stale && b.FilledA && b.CloseA == 1));

        state.Add(PairLeg.A, Hourly(2, 1.5));                    // too late: hour 2 is final
        state.Add(PairLeg.A, Hourly(3, 1.6));
        Assert.Equal(1, state.LateBars);
        AlignedBar next = Assert.Single(Drain(state));
        Assert.Equal((3, false, false), (next.Time.Hour, next.Stale, next.FilledA));
    }

    [Fact]
    public void Add_OutOfOrderOrNonPositive_IsATypedError()
    {
        var state = new PairAlignmentState("AUDUSD", "NZDUSD", TimeSpan.FromHours(4));
        state.Add(PairLeg.A, Hourly(4, 1));
        AlignmentOrderException order = Assert.Throws<AlignmentOrderException>(() => state.Add(PairLeg.A, Hourly(4, 1)));
        Assert.Equal("AUDUSD", order.Symbol);
        Assert.Contains("NZDUSD", Assert.Throws<ArgumentException>(() => state.Add(PairLeg.B, new Bar(s_start, 1, 1, double.NaN, 1, 0))).Message, StringComparison.Ordinal);
    }

    private static Bar Hourly(int hour, double close) => new(s_start.AddHours(hour), close, close, close, close, 1);

    private static List<AlignedBar> Drain(PairAlignmentState state)
    {
        var bars = new List<AlignedBar>();
        while (state.TryTake(out AlignedBar bar))
        {
            bars.Add(bar);
        }

        return bars;
    }
}
