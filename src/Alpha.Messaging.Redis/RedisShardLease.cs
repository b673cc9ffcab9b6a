using Alpha.Inference;
using StackExchange.Redis;

namespace Alpha.Messaging.Redis;

/// <summary>
/// A shard's lease in Redis (DESIGN.md § 6 "Worker"): the key <see cref="RedisKeys.ShardLease"/> holds the owner's name
/// with a TTL. It is taken with <c>SET NX PX</c> and extended (<c>PEXPIRE</c>) only by the owner, in one script, so two
/// workers never both hold it; released by deleting it only if still owned.
/// </summary>
public sealed class RedisShardLease : IShardLease
{
    private const string HoldScript = """
        if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then return 1 end
        if redis.call('GET', KEYS[1]) == ARGV[1] then redis.call('PEXPIRE', KEYS[1], ARGV[2]) return 1 end
        return 0
        """;

    private const string ReleaseScript = """
        if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
        return 0
        """;

    private readonly IDatabase _db;
    private readonly RedisKey _key;
    private readonly string _owner;

    /// <summary>Creates the lease of <paramref name="shard"/> for <paramref name="owner"/>.</summary>
    /// <param name="redis">The connection.</param>
    /// <param name="keys">The keys' prefix.</param>
    /// <param name="shard">The shard's name.</param>
    /// <param name="owner">This worker's name, unique among the workers (host and process id, say).</param>
    /// <param name="duration">How long the lease lasts once taken or extended; at least 100 ms.</param>
    public RedisShardLease(IConnectionMultiplexer redis, RedisKeys keys, string shard, string owner, TimeSpan duration)
    {
        ArgumentNullException.ThrowIfNull(redis);
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentException.ThrowIfNullOrWhiteSpace(shard);
        ArgumentException.ThrowIfNullOrWhiteSpace(owner);
        ArgumentOutOfRangeException.ThrowIfLessThan(duration, TimeSpan.FromMilliseconds(100));
        (_db, _key, Shard, _owner, Duration) = (redis.GetDatabase(), keys.ShardLease(shard), shard, owner, duration);
    }

    /// <inheritdoc/>
    public string Shard { get; }

    /// <inheritdoc/>
    public TimeSpan Duration { get; }

    /// <summary>Who holds the lease now, or null when nobody does.</summary>
    public async Task<string?> OwnerAsync() => await _db.StringGetAsync(_key).ConfigureAwait(false);

    /// <inheritdoc/>
    /// <exception cref="RedisException">Redis cannot be reached.</exception>
    public async ValueTask<bool> HoldAsync(CancellationToken cancellationToken) =>
        (int)await _db.ScriptEvaluateAsync(HoldScript, [_key], [_owner, (long)Duration.TotalMilliseconds]).ConfigureAwait(false) == 1;

    /// <inheritdoc/>
    public async ValueTask ReleaseAsync(CancellationToken cancellationToken) =>
        _ = await _db.ScriptEvaluateAsync(ReleaseScript, [_key], [_owner]).ConfigureAwait(false);
}
