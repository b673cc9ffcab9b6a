using System.Collections.Immutable;
using Alpha.Operations;
using Alpha.Signals;
using StackExchange.Redis;

namespace Alpha.Messaging.Redis;

/// <summary>
/// The latest signal per model and pair from the relay's hash <see cref="RedisKeys.LatestSignals"/> (field
/// <c>{model_id}|{pair_id}</c>, value the signal's JSON), in one <c>HGETALL</c>: the hash holds one field per model and
/// pair served, so it stays small.
/// </summary>
public sealed class RedisLatestSignals : ILatestSignals
{
    private readonly IDatabase _db;
    private readonly RedisKeys _keys;

    /// <summary>Creates the reader.</summary>
    public RedisLatestSignals(IConnectionMultiplexer redis, RedisKeys? keys = null)
    {
        ArgumentNullException.ThrowIfNull(redis);
        _db = redis.GetDatabase();
        _keys = keys ?? new RedisKeys();
    }

    /// <inheritdoc/>
    public async ValueTask<ImmutableArray<Signal>> ReadAsync(string? modelId, CancellationToken cancellationToken)
    {
        HashEntry[] entries = await _db.HashGetAllAsync(_keys.LatestSignals).ConfigureAwait(false);
        var signals = new List<(string Field, Signal Signal)>(entries.Length);
        foreach (HashEntry entry in entries)
        {
            string field = entry.Name.ToString();
            if (modelId is not null && !field.StartsWith(modelId + "|", StringComparison.Ordinal))
            {
                continue;
            }

            try
            {
                signals.Add((field, SignalJson.Parse((byte[])entry.Value!)));
            }
            catch (SignalFormatException e)
            {
                throw new InvalidDataException($"{_keys.LatestSignals}: field '{field}' is not a signal ({e.Message}).", e);
            }
        }

        return [.. signals.OrderBy(s => s.Field, StringComparer.Ordinal).Select(s => s.Signal)];
    }
}
