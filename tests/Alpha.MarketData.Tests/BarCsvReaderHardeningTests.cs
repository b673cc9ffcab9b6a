using Alpha.MarketData;

namespace Alpha.MarketData.Tests;

/// <summary>Inputs found by feeding the reader mutated files: nothing is lost silently and no message echoes a huge field.</summary>
public sealed class BarCsvReaderHardeningTests
{
    private const string Header = "Time\tOpen\tHigh\tLow\tClose\tVolume\n";

    [Fact]
    public void Load_LenientFileWhoseEveryRowIsBad_ReturnsNoBarsAndEveryIssue()
    {
        string text = Header + "yesterday\t1\t2\t0.5\t1.5\t3\n2024-01-02 04:00:00\tx\t2\t0.5\t1.5\t3\n2024-01-02 08:00:00\t-1\t2\t0.5\t1.5\t3\n";

        BarSeries series = new BarCsvReader(mode: ValidationMode.Lenient).Load(new StringReader(text), "bad.csv", "BAD");

        Assert.Equal(0, series.Count);
        Assert.Equal([2L, 3L, 4L], series.Issues.Select(i => i.Line));
        Assert.All(series.Issues, i => Assert.True(i.Skipped));
        Assert.Equal(["Time", "Open", "Open"], series.Issues.Select(i => i.Column));
    }

    [Theory]
    [InlineData(ValidationMode.Strict, "", "the file is empty")]
    [InlineData(ValidationMode.Lenient, "", "the file is empty")]
    [InlineData(ValidationMode.Strict, Header, "no data rows")]
    [InlineData(ValidationMode.Lenient, Header + "\n\n", "no data rows")]
    public void Load_EmptyOrHeaderOnly_IsATypedErrorNamingTheFile(ValidationMode mode, string text, string problem)
    {
        var e = Assert.Throws<BarFormatException>(() => new BarCsvReader(mode: mode).Load(new StringReader(text), "empty.csv", "EMPTY"));

        Assert.Equal("empty.csv", e.Source);
        Assert.Contains(problem, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_EmptySource_ThrowsAtTheEnd()
    {
        IEnumerable<Bar> bars = new BarCsvReader().Read(new StringReader(Header), "stream.csv");

        Assert.Contains("stream.csv", Assert.Throws<BarFormatException>(() => bars.ToList()).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_TenMegabyteField_IsQuotedInAtMost80Characters()
    {
        string huge = new('z', 10_000_000);

        var e = Assert.Throws<BarFormatException>(() => new BarCsvReader().Load(new StringReader(Header + "2024-01-02 00:00:00\t" + huge + "\t2\t0.5\t1.5\t3\n"), "big.csv", "BIG"));

        Assert.True(e.Message.Length < 200, e.Message[..Math.Min(e.Message.Length, 300)]);
        Assert.Contains("(10000000 characters)", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_AllDigitHugeVolume_IsTooLong_NotInfinity()
    {
        string digits = new('9', 400);

        var e = Assert.Throws<BarFormatException>(() => new BarCsvReader().Load(new StringReader(Header + "2024-01-02 00:00:00\t1\t2\t0.5\t1.5\t" + digits + "\n"), "v.csv", "V"));

        Assert.Equal("Volume", e.Column);
        Assert.Contains("too long to be a number (400 characters)", e.Problem, StringComparison.Ordinal);
        Assert.DoesNotContain("Infinity", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_LineWithoutEndBeyondTheBound_IsReportedWithoutHoldingIt()
    {
        // 20 million characters and no line break: strict mode refuses the line, lenient mode skips it and reads on.
        string text = Header + "2024-01-02 00:00:00\t1\t2\t0.5\t1.5\t3\n" + new string('1', 20_000_000) + "\n2024-01-02 04:00:00\t1\t2\t0.5\t1.5\t3\n";

        var e = Assert.Throws<BarFormatException>(() => new BarCsvReader().Load(new StringReader(text), "long.csv", "L"));
        BarSeries lenient = new BarCsvReader(mode: ValidationMode.Lenient).Load(new StringReader(text), "long.csv", "L");

        Assert.Equal(3, e.Line);
        Assert.Contains("longer than", e.Problem, StringComparison.Ordinal);
        Assert.Equal(2, lenient.Count);
        Assert.Equal(3, Assert.Single(lenient.Issues).Line);
    }

    [Fact]
    public void Load_CarriageReturnLineEnds_AreRead()
    {
        BarSeries series = new BarCsvReader().Load(new StringReader(Header.Replace("\n", "\r\n", StringComparison.Ordinal) + "2024-01-02 00:00:00\t1\t2\t0.5\t1.5\t3\r\n2024-01-02 04:00:00\t1\t2\t0.5\t1.5\t4"), "crlf.csv", "C");

        Assert.Equal(2, series.Count);
        Assert.Equal(4, series.Volume[1]);
    }
}
