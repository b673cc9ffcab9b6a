using Alpha.Inference;
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

    /// <summary>
    /// Adds many bars in order, pipelined (one round trip per chunk instead of one per bar), and nudges the worker once
    /// per chunk: a replay at full speed. Returns the message ids, in order.
    /// </summary>
    /// <param name="bars">The bars, in the order they are to arrive (e.g. as a <see cref="ReplayBarSource"/> merges stored series).</param>
    /// <param name="chunk">Bars per round trip; the default 1,000.</param>
    public async Task<string[]> PublishManyAsync(IReadOnlyList<SourcedBar> bars, int chunk = 1_000)
    {
        ArgumentNullException.ThrowIfNull(bars);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(chunk);
        var ids = new string[bars.Count];
        var pending = new Task<RedisValue>[Math.Min(chunk, bars.Count)];
        for (int start = 0; start < bars.Count; start += chunk)
        {
            int n = Math.Min(chunk, bars.Count - start);
            for (int k = 0; k < n; k++)
            {
                SourcedBar b = bars[start + k];
                pending[k] = _db.StreamAddAsync(_keys.Bars(b.Symbol, b.Timeframe), BarMessage.Fields(b.Bar));     // pipelined: the connection keeps their order
            }

            for (int k = 0; k < n; k++)
            {
                ids[start + k] = (await pending[k].ConfigureAwait(false)).ToString();
            }

            await _db.PublishAsync(_keys.BarNudge, "").ConfigureAwait(false);
        }

        return ids;
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
