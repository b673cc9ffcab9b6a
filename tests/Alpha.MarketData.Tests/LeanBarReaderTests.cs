using System.IO.Compression;
using System.Text;
using Alpha.MarketData;

namespace Alpha.MarketData.Tests;

/// <summary>QuantConnect Lean's hour and daily forex archives, read as Lean stores them.</summary>
public sealed class LeanBarReaderTests
{
    private const string Row1 = "20240102 00:00,1.1000,1.1050,1.0950,1.1020,120,1.1002,1.1052,1.0952,1.1022,80";
    private const string Row2 = "20240103 00:00,1.1020,1.1100,1.1000,1.1080,0,1.1022,1.1102,1.1002,1.1082,0";

    [SharedDataFact]
    public void Load_RealOandaDailyArchive_ReadsEveryRowInUtc()
    {
        BarSeries eurusd = new LeanBarReader().Load(TestEnvironment.SharedFile("lean-fx-daily", "eurusd.zip"));

        Assert.Equal("EURUSD", eurusd.Symbol);
        Assert.Equal(3_738, eurusd.Count); // the archive's line count (shared/data/README.md says 3,737)
        Assert.Empty(eurusd.Issues);
        // 20070101 00:00,1.31927,1.32125,1.3187,1.32095,0,1.32027,… (bid side).
        Assert.Equal(new Bar(new DateTime(2007, 1, 1, 0, 0, 0, DateTimeKind.Utc), 1.31927, 1.32125, 1.3187, 1.32095, 0), eurusd[0]);
        Assert.Equal(new DateTime(2018, 12, 31, 0, 0, 0, DateTimeKind.Utc), eurusd.Time[^1]);
        Assert.EndsWith("eurusd.zip!eurusd.csv", eurusd.Source, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_Sides_TakeBidAskOrMidPricesAndSizes()
    {
        byte[] zip = Archive(("eurusd.csv", Row1 + "\n" + Row2));

        Bar bid = Read(zip, new LeanDataOptions { Side = QuoteSide.Bid })[0];
        Bar ask = Read(zip, new LeanDataOptions { Side = QuoteSide.Ask })[0];
        Bar mid = Read(zip, new LeanDataOptions { Side = QuoteSide.Mid })[0];

        Assert.Equal(new Bar(new DateTime(2024, 1, 2, 0, 0, 0, DateTimeKind.Utc), 1.1000, 1.1050, 1.0950, 1.1020, 120), bid);
        Assert.Equal(new Bar(bid.Time, 1.1002, 1.1052, 1.0952, 1.1022, 80), ask);
        Assert.Equal(new Bar(bid.Time, (1.1000 + 1.1002) / 2, (1.1050 + 1.1052) / 2, (1.0950 + 1.0952) / 2, (1.1020 + 1.1022) / 2, 100), mid);
    }

    [Fact]
    public void Load_FxcmMarket_ConvertsNewYorkTimesToUtc()
    {
        // Winter: New York is UTC-5; summer: UTC-4.
        byte[] zip = Archive(("eurusd.csv", "20240102 17:00,1,1,1,1,0,1,1,1,1,0\n20240702 17:00,1,1,1,1,0,1,1,1,1,0"));

        BarSeries series = new LeanBarReader(new LeanDataOptions { Market = "fxcm" }).LoadArchive(new MemoryStream(zip), "eurusd.zip", "EURUSD");

        Assert.Equal(new DateTime(2024, 1, 2, 22, 0, 0, DateTimeKind.Utc), series.Time[0]);
        Assert.Equal(new DateTime(2024, 7, 2, 21, 0, 0, DateTimeKind.Utc), series.Time[1]);
    }

    [Fact]
    public void UnknownMarket_NamesTheKnownOnes() =>
        Assert.Contains("fxcm, oanda", Assert.Throws<ArgumentException>(() => new LeanBarReader(new LeanDataOptions { Market = "nowhere" })).Message, StringComparison.Ordinal);

    [Theory]
    [InlineData("20240102 00:00,1.1000,abc,1.0950,1.1020,120,1.1002,1.1052,1.0952,1.1022,80", 2, "BidHigh", "'abc' is not a number")]
    [InlineData("20240102 00:00,1.1000,1.1050,1.0950,1.1020,120,1.1002,1.1052,1.0952,1.1022", 2, "LastAskSize", "missing")]
    [InlineData("2024-01-02 00:00,1.1000,1.1050,1.0950,1.1020,120,1.1002,1.1052,1.0952,1.1022,80", 2, "Time", "Lean's format 'yyyyMMdd HH:mm'")]
    [InlineData("20240102 00:00,1.1000,1.1050,1.0950,1.1020,120,1.1002,1.1052,1.0952,1.1022,80,9", 2, "LastAskSize", "more than 11 fields")]
    public void Load_BadRow_NamesArchiveEntryLineAndColumn(string row, long line, string column, string problem)
    {
        byte[] zip = Archive(("eurusd.csv", Row2.Replace("20240103", "20240101", StringComparison.Ordinal) + "\n" + row));

        var e = Assert.Throws<BarFormatException>(() => Read(zip, new LeanDataOptions()));

        Assert.Equal("eurusd.zip!eurusd.csv", e.Source);
        Assert.Equal(line, e.Line);
        Assert.Equal(column, e.Column);
        Assert.Contains(problem, e.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_Lenient_SkipsBadRowsAndReportsThem()
    {
        byte[] zip = Archive(("eurusd.csv", Row1 + "\nnot a row\n" + Row2));

        BarSeries series = Read(zip, new LeanDataOptions { Mode = ValidationMode.Lenient });

        Assert.Equal(2, series.Count);
        Assert.Equal(2, Assert.Single(series.Issues).Line);
    }

    [Fact]
    public void Load_MinuteArchive_IsRefusedAsOutOfScope() =>
        Assert.Contains("minute, second or tick data", Assert.Throws<BarFormatException>(() => Read(Archive(("20240102_eurusd_minute_quote.csv", "0,1,1,1,1,0,1,1,1,1,0")), new LeanDataOptions())).Problem, StringComparison.Ordinal);

    [Fact]
    public void Load_ArchiveWithTwoFiles_IsRefused() =>
        Assert.Contains("holds 2 files", Assert.Throws<BarFormatException>(() => Read(Archive(("a.csv", Row1), ("b.csv", Row2)), new LeanDataOptions())).Problem, StringComparison.Ordinal);

    [Fact]
    public void Load_NotAZip_IsATypedError() =>
        Assert.Contains("not a zip archive", Assert.Throws<BarFormatException>(() => Read(Encoding.UTF8.GetBytes(Row1), new LeanDataOptions())).Problem, StringComparison.Ordinal);

    [Fact]
    public void Load_EmptyEntry_IsATypedError() =>
        Assert.Contains("no bars", Assert.Throws<BarFormatException>(() => Read(Archive(("eurusd.csv", "")), new LeanDataOptions())).Problem, StringComparison.Ordinal);

    [Fact]
    public void Load_TruncatedArchive_IsATypedError()
    {
        byte[] zip = Archive(("eurusd.csv", string.Concat(Enumerable.Repeat(Row1 + "\n", 2000))));
        int cuts = 0, refused = 0;

        for (int cut = 1; cut < zip.Length; cut += 97)
        {
            cuts++;
            try
            {
                Read(zip[..cut], new LeanDataOptions());
            }
            catch (BarFormatException)
            {
                // The typed refusal: anything else fails the test.
                refused++;
            }
        }

        // A cut archive loses its central directory: every one is refused, none read as bars.
        Assert.True(cuts > 5);
        Assert.Equal(cuts, refused);
    }

    private static BarSeries Read(byte[] zip, LeanDataOptions options) =>
        new LeanBarReader(options).LoadArchive(new MemoryStream(zip), "eurusd.zip", "EURUSD");

    private static byte[] Archive(params (string Name, string Text)[] files)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach ((string name, string text) in files)
            {
                using Stream entry = zip.CreateEntry(name).Open();
                entry.Write(Encoding.UTF8.GetBytes(text));
            }
        }

        return buffer.ToArray();
    }
}
