using StackExchange.Redis;

namespace Alpha.Repository.Tests;

/// <summary>
/// The pattern every Redis adapter test follows: a real server (ALPHA_TEST_REDIS) through StackExchange.Redis 2.x, with
/// channels named explicitly as literals (never patterns).
/// </summary>
public sealed class RedisServerTests
{
    [RedisFact]
    public async Task PublishSubscribe_DeliversTheMessage()
    {
        using ConnectionMultiplexer redis = await ConnectionMultiplexer.ConnectAsync(TestEnvironment.RedisConfiguration);
        RedisChannel channel = RedisChannel.Literal("alpha:smoke:" + Guid.NewGuid().ToString("N"));
        var received = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        ISubscriber subscriber = redis.GetSubscriber();
        await subscriber.SubscribeAsync(channel, (_, message) => received.TrySetResult(message!));

        long receivers = await subscriber.PublishAsync(channel, "signal:AUDNZD");

        Assert.Equal(1, receivers);
        Assert.Equal("signal:AUDNZD", await received.Task.WaitAsync(TimeSpan.FromSeconds(10)));
        await subscriber.UnsubscribeAsync(channel);
    }

    [RedisFact]
    public async Task StringSetGet_RoundTrips()
    {
        using ConnectionMultiplexer redis = await ConnectionMultiplexer.ConnectAsync(TestEnvironment.RedisConfiguration);
        IDatabase db = redis.GetDatabase();
        string key = "alpha:smoke:" + Guid.NewGuid().ToString("N");

        Assert.True(await db.StringSetAsync(key, "0.65432", TimeSpan.FromMinutes(1)));
        Assert.Equal("0.65432", (string?)await db.StringGetAsync(key));
        Assert.True(await db.KeyDeleteAsync(key));
    }

    [RedisFact]
    public async Task StreamAddRead_ReturnsEntriesAfterTheLastId()
    {
        using ConnectionMultiplexer redis = await ConnectionMultiplexer.ConnectAsync(TestEnvironment.RedisConfiguration);
        IDatabase db = redis.GetDatabase();
        RedisKey stream = "alpha:smoke:bars:" + Guid.NewGuid().ToString("N");

        RedisValue first = await db.StreamAddAsync(stream, [new NameValueEntry("symbol", "AUDUSD"), new NameValueEntry("close", "0.65432")]);
        await db.StreamAddAsync(stream, [new NameValueEntry("symbol", "NZDUSD"), new NameValueEntry("close", "0.60011")]);
        StreamEntry[] after = await db.StreamReadAsync(stream, first);

        Assert.Equal("NZDUSD", (string?)Assert.Single(after)["symbol"]);
        Assert.True(await db.KeyDeleteAsync(stream));
    }
}
