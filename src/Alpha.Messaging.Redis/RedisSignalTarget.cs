using System.Globalization;
using Alpha.Inference;
using Alpha.Signals;
using StackExchange.Redis;

namespace Alpha.Messaging.Redis;

/// <summary>
/// Signals out to Redis (DESIGN.md § 6 "Worker"), each through one Lua script, atomically: <c>SET {prefix}sig:{id} NX
/// EX</c> (the guard: a signal already delivered changes nothing), <c>XADD</c> to the signals stream (fields <c>id</c>
/// and <c>signal</c>, the JSON of docs/signal.schema.json), the pair's latest signal in a hash only if it is not older
/// than the one there, and <c>PUBLISH</c> of the id. The stream and the hash are the truth; the notification a nudge.
/// After a delivery's signals, each engine's latest checkpoint in it goes to <see cref="RedisKeys.Checkpoints"/> (only
/// ever forward), so the checkpoint Redis holds never runs ahead of the signals it holds (<see cref="RedisCheckpointStore"/>).
/// </summary>
public sealed class RedisSignalTarget : IRelayTarget
{
    private const string Script = """
        if not redis.call('SET', KEYS[1], '1', 'NX', 'EX', ARGV[5]) then
          return 0
        end
        redis.call('XADD', KEYS[2], '*', 'id', ARGV[1], 'signal', ARGV[2])
        local current = redis.call('HGET', KEYS[4], ARGV[3])
        if (not current) or tonumber(current) <= tonumber(ARGV[4]) then
          redis.call('HSET', KEYS[3], ARGV[3], ARGV[2])
          redis.call('HSET', KEYS[4], ARGV[3], ARGV[4])
        end
        redis.call('PUBLISH', ARGV[6], ARGV[1])
        return 1
        """;

    private const string CheckpointScript = """
        local current = redis.call('HGET', KEYS[2], ARGV[1])
        if (not current) or tonumber(current) <= tonumber(ARGV[2]) then
          redis.call('HSET', KEYS[1], ARGV[1], ARGV[3])
          redis.call('HSET', KEYS[2], ARGV[1], ARGV[2])
        end
        return 1
        """;

    private readonly IDatabase _db;
    private readonly RedisKeys _keys;
    private readonly long _guardSeconds;

    /// <summary>Creates the target.</summary>
    /// <param name="redis">The connection.</param>
    /// <param name="keys">The keys' prefix.</param>
    /// <param name="guardLifetime">How long a delivered id is remembered; the default 30 days (longer than any redelivery or replay window).</param>
    public RedisSignalTarget(IConnectionMultiplexer redis, RedisKeys? keys = null, TimeSpan? guardLifetime = null)
    {
        ArgumentNullException.ThrowIfNull(redis);
        TimeSpan lifetime = guardLifetime ?? TimeSpan.FromDays(30);
        ArgumentOutOfRangeException.ThrowIfLessThan(lifetime, TimeSpan.FromSeconds(1), nameof(guardLifetime));
        _db = redis.GetDatabase();
        _keys = keys ?? new RedisKeys();
        _guardSeconds = (long)lifetime.TotalSeconds;
    }

    /// <inheritdoc/>
    public string Name => "redis";

    /// <summary>Signals written by this target (not counting those the guard dropped).</summary>
    public long Delivered { get; private set; }

    /// <summary>Signals the guard dropped as already delivered.</summary>
    public long Duplicates { get; private set; }

    /// <inheritdoc/>
    public async ValueTask DeliverAsync(IReadOnlyList<OutboxEntry> entries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entries);
        cancellationToken.ThrowIfCancellationRequested();

        // Pipelined: every script is sent before any reply is awaited; one connection runs them in the order sent, so the
        // stream keeps the outbox's order and each checkpoint follows its signals. A failure anywhere retries the whole
        // delivery, which the guard makes harmless.
        var signals = new List<Task<RedisResult>>();
        foreach (Signal signal in entries.SelectMany(e => e.Batch.Signals))
        {
            signals.Add(_db.ScriptEvaluateAsync(
                Script,
                [_keys.Guard(signal.Id), _keys.Signals, _keys.LatestSignals, _keys.LatestSignalTimes],
                [
                    signal.Id, SignalJson.Serialize(signal), $"{signal.ModelId}|{signal.PairId}",
                    signal.Timestamp.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture), _guardSeconds, _keys.SignalNotify.ToString(),
                ]));
        }

        Task[] checkpoints =
        [
            .. entries.SelectMany(e => e.Batch.Checkpoints).GroupBy(c => (c.ModelId, c.PairId)).Select(g => g.Last()).Select(c => _db.ScriptEvaluateAsync(
                CheckpointScript,
                [_keys.Checkpoints, _keys.CheckpointWatermarks],
                [$"{c.ModelId}|{c.PairId}", c.Watermark.Ticks, CheckpointJson.Serialize(c)])),
        ];
        await Task.WhenAll([.. signals, .. checkpoints]).ConfigureAwait(false);
        foreach (Task<RedisResult> result in signals)
        {
            if ((long)await result.ConfigureAwait(false) == 1)
            {
                Delivered++;
            }
            else
            {
                Duplicates++;
            }
        }
    }
}
