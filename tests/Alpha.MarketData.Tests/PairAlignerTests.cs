using System.Globalization;
using Alpha.MarketData;

namespace Alpha.MarketData.Tests;

public sealed class PairAlignerTests
{
    private static readonly DateTime s_start = new(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    // Hourly bars at the given hour offsets with closes 1 + offset/100 (a distinct close per bar).
    private static BarSeries Hourly(string symbol, IEnumerable<int> hours) =>
        BarSeries.FromBars(symbol, hours.Select(h => new Bar(s_start.AddHours(h), 1 + (h / 100.0), 1.1 + (h / 100.0), 0.9 + (h / 100.0), 1 + (h / 100.0), 10)));

    private static IEnumerable<int> Except(int count, params int[] missing) => Enumerable.Range(0, count).Except(missing);

    [Fact]
    public void Align_ShortGap_IsForwardFilledAndFlagged()
    {
        var pair = PairAligner.Align(Hourly("A", Except(100, 10, 11)), Hourly("B", Enumerable.Range(0, 100)));

        Assert.Equal(100, pair.Count);
        Assert.True(pair.FilledA[10] && pair.FilledA[11] && !pair.FilledA[12]);
        Assert.Equal(1.09, pair.CloseA[10]);
        Assert.Equal(1.09, pair.HighA[11]);
        Assert.Equal(2, pair.Report.FilledA);
        Assert.Single(pair.Segments);
    }

    [Fact]
    public void Align_GapUpToADay_IsAClosureDroppedForBothLegs()
    {
        var pair = PairAligner.Align(Hourly("A", Except(100, Enumerable.Range(10, 24).ToArray())), Hourly("B", Enumerable.Range(0, 100)));

        Assert.Equal(76, pair.Count);
        Assert.Equal(s_start.AddHours(34), pair.Time[10]);
        Assert.Equal((1, 24), (pair.Report.ClosureRuns, pair.Report.ClosureBars));
        Assert.Single(pair.Segments);
        Assert.Equal(24, pair.Report.MaxGapBars);
    }

    [Fact]
    public void Align_LongerGap_SplitsWithFilledBarsOutsideEverySegment()
    {
        var pair = PairAligner.Align(Hourly("A", Except(100, Enumerable.Range(10, 25).ToArray())), Hourly("B", Enumerable.Range(0, 100)));

        Assert.Equal(100, pair.Count);
        Assert.Equal(new[] { new SegmentRange(0, 10), new SegmentRange(35, 100) }, pair.Segments);
        Assert.All(Enumerable.Range(10, 25), i => Assert.Equal((-1, true), (pair.Segment[i], pair.FilledA[i])));
        Assert.Equal(25, pair.Report.SplitBars);
        Assert.Equal(2, pair.Report.Segments);
    }

    [Fact]
    public void Align_MissingAtTheStart_IsNotFilledButDropped()
    {
        var pair = PairAligner.Align(Hourly("A", Except(50, 0, 1)), Hourly("B", Enumerable.Range(0, 50)));

        // Leg A's first bar is hour 2, so the common period starts there: nothing to fill.
        Assert.Equal(s_start.AddHours(2), pair.Time[0]);
        Assert.Equal(0, pair.Report.FilledA);
    }

    [Fact]
    public void Align_TimeWhereNeitherTrades_IsAClosureTheAxisRunsAcross()
    {
        var pair = PairAligner.Align(Hourly("A", Except(100, 40, 41, 42)), Hourly("B", Except(100, 40, 41, 42)));

        Assert.Equal(97, pair.Count);
        Assert.Single(pair.Segments);
        Assert.Equal(0, pair.Report.ClosureRuns);
    }

    [Fact]
    public void Align_Outlier_IsFlaggedNotAltered_StrictQuarantinesItsSegment()
    {
        var random = new Random(3);
        var times = Enumerable.Range(0, 400).Select(h => s_start.AddHours(h)).ToArray();
        double price = 1;
        var closes = times.Select((_, i) => price *= i == 300 ? 1.2 : 1 + ((random.NextDouble() - 0.5) * 0.002)).ToArray();
        var a = BarSeries.FromBars("A", times.Select((t, i) => new Bar(t, closes[i], closes[i], closes[i], closes[i], 1)));
        var b = BarSeries.FromBars("B", times.Select(t => new Bar(t, 1, 1, 1, 1, 1)));

        var lenient = PairAligner.Align(a, b);
        var strict = PairAligner.Align(a, b, new PairAlignmentOptions { OutlierMode = ValidationMode.Strict });

        Assert.True(lenient.OutlierA[300]);
        Assert.Equal(1, lenient.Report.OutliersA);
        Assert.Equal(closes[300], lenient.CloseA[300]);
        Assert.False(lenient.QuarantinedSegments[0]);
        Assert.True(strict.QuarantinedSegments[0]);
        Assert.Equal(1, strict.Report.QuarantinedSegments);
    }

    [Fact]
    public void Align_NoOverlap_Throws() =>
        Assert.Throws<ArgumentException>(() => PairAligner.Align(Hourly("A", Enumerable.Range(0, 10)), Hourly("B", Enumerable.Range(20, 10))));

    [SharedDataFact]
    public void Align_RealAudNzd_ReproducesTheReferenceAxis()
    {
        var reader = new BarCsvReader();
        var pair = PairAligner.Align(reader.Load(TestEnvironment.SharedFile("fx-audnzd", "AUDUSD_H4.csv")), reader.Load(TestEnvironment.SharedFile("fx-audnzd", "NZDUSD_H4.csv")));

        Assert.Equal(TimeSpan.FromHours(4), pair.Report.Timeframe);
        Assert.Equal(6, pair.Report.MaxGapBars);
        Assert.Equal(25_673, pair.Report.CommonBars);
        int rows = 0;
        foreach (string line in File.ReadLines(TestEnvironment.SharedFile("pyref-audnzd", "features_bars_1000_1999.csv")).Skip(1))
        {
            string[] f = line.Split(',');
            int i = int.Parse(f[0], CultureInfo.InvariantCulture);
            Assert.Equal(DateTime.ParseExact(f[1], "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), pair.Time[i]);
            Assert.Equal(int.Parse(f[2], CultureInfo.InvariantCulture), pair.Segment[i]);
            Assert.Equal(bool.Parse(f[3]), pair.FilledA[i]);
            Assert.Equal(bool.Parse(f[4]), pair.FilledB[i]);
            Assert.Equal(double.Parse(f[5], CultureInfo.InvariantCulture), pair.CloseA[i]);
            Assert.Equal(double.Parse(f[6], CultureInfo.InvariantCulture), pair.CloseB[i]);
            rows++;
        }

        Assert.Equal(1000, rows);
    }
}
