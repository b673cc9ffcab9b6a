using Alpha.Messaging.Redis;
using StackExchange.Redis;

namespace Alpha.Messaging.Redis.Tests;

public sealed class RedisUrlTests
{
    [Fact]
    public void Url_WithPasswordAndDatabase()
    {
        ConfigurationOptions o = RedisUrl.Parse("redis://:s3cret@cache.internal:6380/2");

        Assert.Equal("cache.internal:6380", Assert.Single(o.EndPoints).ToString()!.Replace("Unspecified/", "", StringComparison.Ordinal));
        Assert.Equal("s3cret", o.Password);
        Assert.Equal(2, o.DefaultDatabase);
        Assert.False(o.AbortOnConnectFail);
    }

    [Fact]
    public void ConfigurationString_IsTakenAsIs()
    {
        ConfigurationOptions o = RedisUrl.Parse("127.0.0.1:56379,password=x");

        Assert.Equal("x", o.Password);
        Assert.False(o.AbortOnConnectFail);
    }

    [Theory]
    [InlineData("")]
    [InlineData("redis://")]
    [InlineData("redis://:pw@host:1/notanumber")]
    public void Invalid_IsRefused_WithoutEchoingTheValue(string url)
    {
        ArgumentException e = Assert.Throws<ArgumentException>(() => RedisUrl.Parse(url));
        Assert.StartsWith("REDIS_URL", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("pw", e.Message, StringComparison.Ordinal);
    }
}
