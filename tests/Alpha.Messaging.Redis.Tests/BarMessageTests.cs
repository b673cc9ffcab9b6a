using Alpha.MarketData;
using Alpha.Messaging.Redis;
using FsCheck;
using FsCheck.Fluent;
using StackExchange.Redis;

namespace Alpha.Messaging.Redis.Tests;

public sealed class BarMessageTests
{
    private static readonly Bar s_bar = new(new DateTime(2026, 12, 7, 8, 0, 0, DateTimeKind.Utc), 0.6612, 0.663, 0.6601, 0.1 + 0.2, 1843);

    [Fact]
    public void Fields_ParseBack_ToTheSameBar()
    {
        Assert.True(BarMessage.TryParse(BarMessage.Fields(s_bar), out Bar bar, out string problem), problem);
        Assert.Equal(s_bar, bar);
        Assert.Equal(DateTimeKind.Utc, bar.Time.Kind);
        Assert.Equal("2026-12-07T08:00:00Z", BarMessage.Fields(s_bar)[0].Value.ToString());
    }

    [Theory]
    [InlineData("close", "abc", "field 'close' is 'abc', not a finite number")]
    [InlineData("close", "NaN", "field 'close' is 'NaN', not a finite number")]
    [InlineData("high", "Infinity", "field 'high' is 'Infinity', not a finite number")]
    [InlineData("open", "-1", "prices must be positive")]
    [InlineData("low", "0.7", "high ≥ low")]
    [InlineData("volume", "-5", "volume ≥ 0")]
    [InlineData("time", "2026-12-07T08:00:00", "not an ISO 8601 UTC time")]
    [InlineData("time", "yesterday", "not an ISO 8601 UTC time")]
    public void AMalformedField_IsNamed(string field, string value, string expected)
    {
        NameValueEntry[] fields = [.. BarMessage.Fields(s_bar).Select(f => f.Name == field ? new NameValueEntry(field, value) : f)];

        Assert.False(BarMessage.TryParse(fields, out _, out string problem));
        Assert.Contains(expected, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void AMissingOrUnknownField_IsNamed()
    {
        Assert.False(BarMessage.TryParse([.. BarMessage.Fields(s_bar).Where(f => f.Name != "volume")], out _, out string missing));
        Assert.Equal("field 'volume' is missing", missing);
        Assert.False(BarMessage.TryParse([.. BarMessage.Fields(s_bar), new NameValueEntry("vwap", "1")], out _, out string unknown));
        Assert.Equal("unknown field 'vwap'", unknown);
    }

    [FsCheck.Xunit.Property(MaxTest = 500)]
    public Property AnyFields_AreABarOrAProblem_NeverAnException() => Prop.ForAll(
        Gen.ArrayOf(Gen.Elements("time", "open", "high", "low", "close", "volume", "x", "")
            .Zip(Gen.OneOf(ArbMap.Default.GeneratorFor<string>().Where(s => s is not null), Gen.Elements("1", "0.5", "1e308", "-0", "2026-12-07T08:00:00Z"))))
        .ToArbitrary(),
        pairs =>
        {
            NameValueEntry[] fields = [.. pairs.Select(p => new NameValueEntry(p.Item1, p.Item2))];
            bool ok = BarMessage.TryParse(fields, out Bar bar, out string problem);
            return ok ? double.IsFinite(bar.Close) && bar.High >= bar.Low && problem.Length == 0 : problem.Length > 0;
        });
}
