using Alpha.MarketData;

namespace Alpha.MarketData.Tests;

public sealed class TimeframesTests
{
    [Theory]
    [InlineData("1m", 1)]
    [InlineData("15m", 15)]
    [InlineData("90m", 90)]
    [InlineData("1h", 60)]
    [InlineData("4h", 240)]
    [InlineData("1d", 1440)]
    [InlineData("7d", 10080)]
    public void Format_And_TryParse_RoundTrip(string text, int minutes)
    {
        TimeSpan timeframe = TimeSpan.FromMinutes(minutes);
        Assert.Equal(timeframe, Timeframes.TryParse(text));
        Assert.Equal(text, Timeframes.Format(timeframe));
    }

    [Theory]
    [InlineData("")]
    [InlineData("4")]
    [InlineData("h")]
    [InlineData("0h")]
    [InlineData("-1h")]
    [InlineData("4x")]
    [InlineData(" 4h")]
    public void TryParse_NotATimeframe_IsNull(string text) => Assert.Null(Timeframes.TryParse(text));

    [Fact]
    public void Format_NotWholeMinutes_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Timeframes.Format(TimeSpan.FromSeconds(90)));
        Assert.Throws<ArgumentOutOfRangeException>(() => Timeframes.Format(TimeSpan.Zero));
    }
}
