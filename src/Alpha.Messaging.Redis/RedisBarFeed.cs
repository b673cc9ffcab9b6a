using Alpha.MarketData;
using StackExchange.Redis;

namespace Alpha.Messaging.Redis;

/// <summary>
/// Publishes bars into the worker's streams (what a market-data bridge or <c>alpha feed</c> does): <c>XADD</c> of a
/// <see cref="BarMessage"/> to <see cref="RedisKeys.Bars"/>, then a nudge on <see cref="RedisKeys.BarNudge"/>.
/// </summary>
public sealed class RedisBarFeed
{
    private readonly IDatabase _db;
    private readonly RedisKeys _keys;

    /// <summary>Creates the feed.</summary>
    public RedisBarFeed(IConnectionMultiplexer redis, RedisKeys? keys = null)
    {
        ArgumentNullException.ThrowIfNull(redis);
        _db = redis.GetDatabase();
        _keys = keys ?? new RedisKeys();
    }

    /// <summary>Adds one bar of <paramref name="symbol"/> and nudges the worker; returns the message id.</summary>
    public async Task<string> PublishAsync(string symbol, TimeSpan timeframe, Bar bar)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(symbol);
        RedisValue id = await _db.StreamAddAsync(_keys.Bars(symbol, timeframe), BarMessage.Fields(bar)).ConfigureAwait(false);
        await _db.PublishAsync(_keys.BarNudge, symbol).ConfigureAwait(false);
        return id.ToString();
    }

    /// <summary>Adds raw fields to a stream (a bridge's own message, or a test's malformed one) and nudges the worker.</summary>
    public async Task<string> PublishRawAsync(string symbol, TimeSpan timeframe, NameValueEntry[] fields)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(symbol);
        ArgumentNullException.ThrowIfNull(fields);
        RedisValue id = await _db.StreamAddAsync(_keys.Bars(symbol, timeframe), fields).ConfigureAwait(false);
        await _db.PublishAsync(_keys.BarNudge, symbol).ConfigureAwait(false);
        return id.ToString();
    }
}
