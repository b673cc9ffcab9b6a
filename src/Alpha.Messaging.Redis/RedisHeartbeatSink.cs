using System.Globalization;
using Alpha.Inference;
using StackExchange.Redis;

namespace Alpha.Messaging.Redis;

/// <summary>Heartbeats as Redis keys <c>{prefix}heartbeat:{service}:{host}</c> that expire: a worker that stops beating disappears.</summary>
public sealed class RedisHeartbeatSink : IHeartbeatSink
{
    private readonly IDatabase _db;
    private readonly RedisKeys _keys;

    /// <summary>Creates the sink.</summary>
    public RedisHeartbeatSink(IConnectionMultiplexer redis, RedisKeys? keys = null)
    {
        ArgumentNullException.ThrowIfNull(redis);
        _db = redis.GetDatabase();
        _keys = keys ?? new RedisKeys();
    }

    /// <inheritdoc/>
    public async ValueTask BeatAsync(Heartbeat heartbeat, TimeSpan timeToLive, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(heartbeat);
        string value = string.Create(CultureInfo.InvariantCulture,
            $"{{\"at\":\"{heartbeat.At.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss.fff'Z'}\",\"engines\":{heartbeat.Engines},\"bars_received\":{heartbeat.BarsReceived},\"signals_emitted\":{heartbeat.SignalsEmitted},\"outbox_pending\":{heartbeat.OutboxPending}}}");
        await _db.StringSetAsync(_keys.Heartbeat(heartbeat.Service, heartbeat.Host), value, timeToLive).ConfigureAwait(false);
    }
}
