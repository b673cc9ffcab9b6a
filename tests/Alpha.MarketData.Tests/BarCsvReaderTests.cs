using Alpha.MarketData;

namespace Alpha.MarketData.Tests;

public sealed class BarCsvReaderTests
{
    private const string Header = "Time\tOpen\tHigh\tLow\tClose\tVolume\n";

    private static BarSeries Load(string text, ValidationMode mode = ValidationMode.Strict, BarCsvFormat? format = null) =>
        new BarCsvReader(format, mode).Load(new StringReader(text), "test.csv", "TEST");

    [SharedDataFact]
    public void Load_RealMetaTraderExport_ReadsEveryRow()
    {
        BarSeries audusd = new BarCsvReader().Load(TestEnvironment.SharedFile("fx-audnzd", "AUDUSD_H4.csv"));

        Assert.Equal("AUDUSD", audusd.Symbol);
        Assert.Equal(25_880, audusd.Count);
        Assert.Empty(audusd.Issues);
        Assert.Equal(new Bar(new DateTime(2007, 7, 16, 12, 0, 0, DateTimeKind.Utc), 0.87217, 0.87277, 0.87107, 0.87147, 347), audusd[0]);
        Assert.Equal(new DateTime(2023, 9, 11, 8, 0, 0, DateTimeKind.Utc), audusd.Time[^1]);
        Assert.Equal(DateTimeKind.Utc, audusd.Time[0].Kind);
    }

    [Fact]
    public void Load_GenericCsvInANamedTimeZone_ConvertsToUtc()
    {
        var format = BarCsvFormat.Generic with { TimestampFormat = "yyyy-MM-dd HH:mm", TimeZone = TimeZoneInfo.FindSystemTimeZoneById("America/New_York") };
        BarSeries series = Load("timestamp,open,high,low,close,volume\n2024-01-02 09:30,10,11,9,10.5,100\n2024-07-02 09:30,10,11,9,10.5,100\n", format: format);

        Assert.Equal(new DateTime(2024, 1, 2, 14, 30, 0, DateTimeKind.Utc), series.Time[0]);
        Assert.Equal(new DateTime(2024, 7, 2, 13, 30, 0, DateTimeKind.Utc), series.Time[1]);
    }

    [Fact]
    public void Load_GenericIsoTimestamps()
    {
        BarSeries series = Load("timestamp,open,high,low,close,volume\n2024-01-02T04:00:00Z,1,2,0.5,1.5,7\n", format: BarCsvFormat.Generic);
        Assert.Equal(new Bar(new DateTime(2024, 1, 2, 4, 0, 0, DateTimeKind.Utc), 1, 2, 0.5, 1.5, 7), series[0]);
    }

    [Fact]
    public void Load_MissingVolume_IsZeroWhenOptional() =>
        Assert.Equal(0, Load(Header + "2024-01-02 04:00:00\t1\t2\t0.5\t1.5\n").Volume[0]);

    [Theory]
    [InlineData("2024-01-02 04:00:00\t1\tx\t0.5\t1.5\t3", 2, "High", "'x' is not a number")]
    [InlineData("2024-13-02 04:00:00\t1\t2\t0.5\t1.5\t3", 2, "Time", "not a timestamp")]
    [InlineData("2024-01-02 04:00:00\t1\t2\t0.5", 2, "Close", "missing")]
    [InlineData("2024-01-02 04:00:00\tNaN\t2\t0.5\t1.5\t3", 2, "Open", "not a positive finite number")]
    [InlineData("2024-01-02 04:00:00\t1\t2\t-0.5\t1.5\t3", 2, "Low", "not a positive finite number")]
    [InlineData("2024-01-02 04:00:00\t1\t0.4\t0.5\t0.45\t3", 2, "High", "below low")]
    [InlineData("2024-01-02 04:00:00\t1\t2\t0.5\t1.5\t-3", 2, "Volume", "volume")]
    public void Load_Strict_BadRow_NamesFileLineAndColumn(string row, long line, string column, string problem)
    {
        var error = Assert.Throws<BarFormatException>(() => Load(Header + row + "\n"));

        Assert.Equal("test.csv", error.Source);
        Assert.Equal(line, error.Line);
        Assert.Equal(column, error.Column);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
        Assert.StartsWith($"test.csv, line {line}, column {column}:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_Strict_DuplicateTimestamp_NamesTheEarlierLine()
    {
        var error = Assert.Throws<BarFormatException>(() => Load(Header + "2024-01-02 04:00:00\t1\t2\t0.5\t1.5\t3\n2024-01-02 04:00:00\t1\t2\t0.5\t1.5\t3\n"));
        Assert.Equal(3, error.Line);
        Assert.Contains("duplicates", error.Message, StringComparison.Ordinal);
        Assert.Contains("(line 2)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_Strict_DecreasingTimestamp_Throws() =>
        Assert.Contains("is before", Assert.Throws<BarFormatException>(() => Load(Header + "2024-01-02 08:00:00\t1\t2\t0.5\t1.5\t3\n2024-01-02 04:00:00\t1\t2\t0.5\t1.5\t3\n")).Message, StringComparison.Ordinal);

    [Fact]
    public void Load_Strict_MixedTimeframes_Throws()
    {
        string rows = string.Concat(Enumerable.Range(0, 6).Select(h => $"2024-01-02 {4 * h:00}:00:00\t1\t2\t0.5\t1.5\t3\n")) + "2024-01-02 21:00:00\t1\t2\t0.5\t1.5\t3\n";
        var error = Assert.Throws<BarFormatException>(() => Load(Header + rows));
        Assert.Equal(8, error.Line);
        Assert.Contains("mixed timeframes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_Lenient_SkipsUnusableRowsAndFlagsSuspiciousOnes()
    {
        BarSeries series = Load(
            Header +
            "2024-01-02 00:00:00\t1\t2\t0.5\t1.5\t3\n" +
            "2024-01-02 04:00:00\t1\tbad\t0.5\t1.5\t3\n" +
            "2024-01-02 08:00:00\t1\t0.4\t0.5\t0.45\t3\n" +
            "2024-01-02 08:00:00\t1\t2\t0.5\t1.5\t3\n",
            ValidationMode.Lenient);

        Assert.Equal(2, series.Count);
        Assert.Equal(new long[] { 2, 4 }, series.Lines.ToArray());
        Assert.Collection(
            series.Issues,
            i => Assert.Equal((3L, "High", true), (i.Line, i.Column, i.Skipped)),
            i => Assert.Equal((4L, "High", false), (i.Line, i.Column, i.Skipped)),
            i => Assert.Equal((5L, "Time", true), (i.Line, i.Column, i.Skipped)));
    }

    [Fact]
    public void Read_Lenient_ReportsSkippedRowsToTheCaller()
    {
        var issues = new List<BarIssue>();
        var bars = new BarCsvReader(mode: ValidationMode.Lenient).Read(new StringReader(Header + "2024-01-02 00:00:00\t1\t2\t0.5\t1.5\t3\nnot a row\n"), "s.csv", issues).ToList();

        Assert.Single(bars);
        Assert.Equal(3, Assert.Single(issues).Line);
    }

    [Theory]
    [InlineData("data/AUDUSD_H4.csv", "AUDUSD")]
    [InlineData("NZDUSD.csv", "NZDUSD")]
    [InlineData("/tmp/XAU_USD_H1.csv", "XAU")]
    public void SymbolOf_IsTheFileNameUpToTheFirstUnderscore(string path, string symbol) =>
        Assert.Equal(symbol, BarCsvReader.SymbolOf(path));
}
