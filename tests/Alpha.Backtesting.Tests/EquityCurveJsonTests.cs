using System.Collections.Immutable;
using System.Text;
using Alpha.Backtesting;

namespace Alpha.Backtesting.Tests;

public sealed class EquityCurveJsonTests
{
    [Fact]
    public void RoundTrips_EveryDayAndEquity_Exactly()
    {
        ImmutableArray<DailyEquity> curve = [new(new DateOnly(2020, 1, 2), 1_000_000), new(new DateOnly(2020, 1, 3), 1_000_123.456789012), new(new DateOnly(2021, 6, 30), 0.1 + 0.2)];

        byte[] json = EquityCurveJson.Write(curve);

        Assert.Equal("""{"daily":[["2020-01-02",1000000],["2020-01-03",1000123.456789012],["2021-06-30",0.30000000000000004]]}""" + "\n", Encoding.UTF8.GetString(json));
        Assert.Equal<DailyEquity>(curve, EquityCurveJson.Read(json));
        Assert.Empty(EquityCurveJson.Read(EquityCurveJson.Write([])));
    }

    [Theory]
    [InlineData("""{"daily":[["2020-01-02",1],["2020-01-02",2]]}""", "does not follow")]
    [InlineData("""{"daily":[["2020-13-02",1]]}""", "not a yyyy-MM-dd date")]
    [InlineData("""{"daily":[["2020-01-02","1"]]}""", "expected Number")]
    [InlineData("""{"days":[]}""", "expected the key")]
    [InlineData("""{"daily":[1]}""", "not a [day, equity] pair")]
    [InlineData("""{"daily":[]} []""", "not JSON")]
    [InlineData("""{"daily":[["2020-01-02",1]""", "not JSON")]
    public void Read_RefusesAnythingElse_SayingWhere(string json, string expected)
    {
        InvalidDataException e = Assert.Throws<InvalidDataException>(() => EquityCurveJson.Read(Encoding.UTF8.GetBytes(json)));

        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_RefusesNonFiniteEquity_AndUnorderedDays()
    {
        Assert.Throws<ArgumentException>(() => EquityCurveJson.Write([new(new DateOnly(2020, 1, 2), double.NaN)]));
        Assert.Throws<ArgumentException>(() => EquityCurveJson.Write([new(new DateOnly(2020, 1, 3), 1), new(new DateOnly(2020, 1, 2), 1)]));
    }
}
