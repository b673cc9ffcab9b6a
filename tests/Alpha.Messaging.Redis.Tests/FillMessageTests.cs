using Alpha.Inference;
using Alpha.Messaging.Redis;
using Alpha.Signals;
using StackExchange.Redis;

namespace Alpha.Messaging.Redis.Tests;

public sealed class FillMessageTests
{
    private static readonly Fill s_fill = new("ea-1", "0123456789abcdef0123456789abcdef", "AUDUSD", LegSide.Sell, 120_000, 0.66125, new DateTimeOffset(2026, 12, 7, 12, 0, 1, TimeSpan.Zero), -1.5);

    [Fact]
    public void Fields_ParseBack_ToTheSameFill()
    {
        Assert.True(FillMessage.TryParse(FillMessage.Fields(s_fill), out Fill? fill, out string problem), problem);
        Assert.Equal(s_fill, fill);
        Assert.True(FillMessage.TryParse([.. FillMessage.Fields(s_fill).Where(f => f.Name != "signal_id" && f.Name != "commission")], out fill, out _));
        Assert.Equal(s_fill with { SignalId = null, Commission = 0 }, fill);
    }

    [Theory]
    [InlineData("side", "long", "field 'side' is neither buy nor sell")]
    [InlineData("quantity", "0", "must be finite positive numbers")]
    [InlineData("price", "NaN", "must be finite positive numbers")]
    [InlineData("commission", "Infinity", "field 'commission' is not a finite number")]
    [InlineData("time", "2026-12-07 12:00", "field 'time' is not an ISO 8601 UTC time")]
    [InlineData("fill_id", "", "field 'fill_id' is missing")]
    [InlineData("venue", "x", "unknown field 'venue'")]
    public void AMalformedField_IsNamed(string field, string value, string expected)
    {
        NameValueEntry[] fields = [.. FillMessage.Fields(s_fill).Where(f => f.Name != field), new(field, value)];

        Assert.False(FillMessage.TryParse(fields, out _, out string problem));
        Assert.Contains(expected, problem, StringComparison.Ordinal);
    }
}
