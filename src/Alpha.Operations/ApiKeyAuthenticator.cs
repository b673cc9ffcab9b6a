using System.Collections.Concurrent;

namespace Alpha.Operations;

/// <summary>
/// Turns a presented API key into the <see cref="OperatorIdentity"/> it belongs to. A key found valid is remembered for
/// <see cref="CacheFor"/> (so reads at hundreds of requests a second do not each query the store); a revocation
/// takes effect within that time. Unknown, malformed and revoked keys are never remembered.
/// </summary>
public sealed class ApiKeyAuthenticator
{
    private readonly IApiKeyStore _store;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<string, (ApiKeyRecord Key, DateTimeOffset Until)> _valid = new(StringComparer.Ordinal);

    /// <summary>Creates the authenticator.</summary>
    /// <param name="store">Where keys are looked up.</param>
    /// <param name="timeProvider">The clock of the cache.</param>
    /// <param name="cacheFor">How long a valid key is remembered, in [0, 10 min]; zero looks every key up.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="cacheFor"/> is out of range.</exception>
    public ApiKeyAuthenticator(IApiKeyStore store, TimeProvider timeProvider, TimeSpan cacheFor)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentOutOfRangeException.ThrowIfLessThan(cacheFor, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(cacheFor, TimeSpan.FromMinutes(10));
        (_store, _time, CacheFor) = (store, timeProvider, cacheFor);
    }

    /// <summary>How long a valid key is remembered.</summary>
    public TimeSpan CacheFor { get; }

    /// <summary>The operator a key belongs to, or null when it is malformed, unknown, revoked or its secret is wrong.</summary>
    /// <exception cref="System.Data.Common.DbException">The store cannot be read (the caller answers 503, not 401).</exception>
    public async ValueTask<OperatorIdentity?> AuthenticateAsync(string? presented, CancellationToken cancellationToken)
    {
        if (!ApiKeys.TryParse(presented, out string keyId, out string secret))
        {
            return null;
        }

        DateTimeOffset now = _time.GetUtcNow();
        ApiKeyRecord? key;
        if (_valid.TryGetValue(keyId, out (ApiKeyRecord Key, DateTimeOffset Until) cached) && cached.Until > now)
        {
            key = cached.Key;
        }
        else
        {
            key = await _store.FindAsync(keyId, cancellationToken).ConfigureAwait(false);
            if (key is null || key.RevokedAt is not null)
            {
                _ = _valid.TryRemove(keyId, out _);
                return null;
            }

            if (CacheFor > TimeSpan.Zero)
            {
                _valid[keyId] = (key, now + CacheFor);
            }
        }

        return ApiKeys.Matches(key, secret) ? new OperatorIdentity(key.Name, key.Role) : null;
    }
}
