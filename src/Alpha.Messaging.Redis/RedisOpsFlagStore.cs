using Alpha.Inference;
using StackExchange.Redis;

namespace Alpha.Messaging.Redis;

/// <summary>
/// The fast copy of the operator flags: the hash <see cref="RedisKeys.OpsFlags"/> (<c>core:ops:flags</c>), one field
/// <c>{model_id}|{pair_id}</c> per entry (<c>*</c> for any), its value <see cref="OpsFlagsJson"/>.
/// </summary>
public sealed class RedisOpsFlagStore : IOpsFlagStore
{
    // Combines one field with the flags given, atomically (OpsFlags.Combine): halts and flatten OR, the smaller scale.
    private const string RaiseScript = """
        local current = redis.call('HGET', KEYS[1], ARGV[1])
        local soft, hard, flat, scale = ARGV[2] == '1', ARGV[3] == '1', ARGV[4] == '1', tonumber(ARGV[5])
        if current then
          local c = cjson.decode(current)
          soft = soft or c.soft_halt == true
          hard = hard or c.hard_halt == true
          flat = flat or c.flatten == true
          if type(c.leverage_scale) == 'number' and c.leverage_scale < scale then scale = c.leverage_scale end
        end
        local function b(x) if x then return 'true' else return 'false' end end
        local json = '{"soft_halt":' .. b(soft) .. ',"hard_halt":' .. b(hard) .. ',"flatten":' .. b(flat) .. ',"leverage_scale":' .. string.format('%.17g', scale) .. '}'
        redis.call('HSET', KEYS[1], ARGV[1], json)
        return 1
        """;

    // Clears every field within the scope ARGV[1]|ARGV[2] ('*' covers any id), then sets the scope's own field to ARGV[3] unless it is empty.
    private const string ResetScript = """
        local fields = redis.call('HKEYS', KEYS[1])
        for _, field in ipairs(fields) do
          local bar = string.find(field, '|', 1, true)
          if bar then
            local m, p = string.sub(field, 1, bar - 1), string.sub(field, bar + 1)
            if (ARGV[1] == '*' or ARGV[1] == m) and (ARGV[2] == '*' or ARGV[2] == p) then
              redis.call('HDEL', KEYS[1], field)
            end
          end
        end
        if ARGV[3] ~= '' then
          redis.call('HSET', KEYS[1], ARGV[1] .. '|' .. ARGV[2], ARGV[3])
        end
        return 1
        """;

    private readonly IDatabase _db;
    private readonly RedisKeys _keys;

    /// <summary>Creates the store.</summary>
    public RedisOpsFlagStore(IConnectionMultiplexer redis, RedisKeys? keys = null)
    {
        ArgumentNullException.ThrowIfNull(redis);
        _db = redis.GetDatabase();
        _keys = keys ?? new RedisKeys();
    }

    /// <inheritdoc/>
    public string Name => "redis";

    /// <inheritdoc/>
    public async ValueTask<OpsFlagTable?> ReadAsync(CancellationToken cancellationToken)
    {
        HashEntry[] entries = await _db.HashGetAllAsync(_keys.OpsFlags).ConfigureAwait(false);
        if (entries.Length == 0)
        {
            return null;
        }

        var table = new List<KeyValuePair<(string, string), OpsFlags>>(entries.Length);
        foreach (HashEntry entry in entries)
        {
            string field = entry.Name.ToString();
            int bar = field.IndexOf('|', StringComparison.Ordinal);
            if (bar <= 0 || bar == field.Length - 1)
            {
                throw new InvalidDataException($"{_keys.OpsFlags}: field '{field}' is not model_id|pair_id.");
            }

            try
            {
                table.Add(new((field[..bar], field[(bar + 1)..]), OpsFlagsJson.Parse(entry.Value.ToString())));
            }
            catch (InvalidDataException e)
            {
                throw new InvalidDataException($"{_keys.OpsFlags}: field '{field}': {e.Message}", e);
            }
        }

        return new OpsFlagTable(table);
    }

    /// <inheritdoc/>
    public async ValueTask RaiseAsync(string modelId, string pairId, OpsFlags flags, string actor, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(modelId);
        ArgumentException.ThrowIfNullOrWhiteSpace(pairId);
        _ = new OpsFlagTable([new((modelId, pairId), flags)]);     // validates the ids and the scale
        _ = await _db.ScriptEvaluateAsync(
            RaiseScript, [_keys.OpsFlags],
            [$"{modelId}|{pairId}", flags.SoftHalt ? "1" : "0", flags.HardHalt ? "1" : "0", flags.Flatten ? "1" : "0", flags.LeverageScale.ToString("R", System.Globalization.CultureInfo.InvariantCulture)]).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async ValueTask WriteAsync(OpsFlagTable table, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(table);
        ITransaction tx = _db.CreateTransaction();
        _ = tx.KeyDeleteAsync(_keys.OpsFlags);
        if (table.Entries.Count > 0)
        {
            _ = tx.HashSetAsync(_keys.OpsFlags, [.. table.Entries.Select(e => new HashEntry($"{e.Key.ModelId}|{e.Key.PairId}", OpsFlagsJson.Serialize(e.Value)))]);
        }

        if (!await tx.ExecuteAsync().ConfigureAwait(false))
        {
            throw new InvalidOperationException($"{_keys.OpsFlags}: the write was not applied.");
        }
    }

    /// <inheritdoc/>
    public async ValueTask ResetAsync(string modelId, string pairId, OpsFlags flags, string actor, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(modelId);
        ArgumentException.ThrowIfNullOrWhiteSpace(pairId);
        _ = new OpsFlagTable([new((modelId, pairId), flags)]);     // validates the ids and the scale
        _ = await _db.ScriptEvaluateAsync(
            ResetScript, [_keys.OpsFlags], [modelId, pairId, flags == OpsFlags.Normal ? "" : OpsFlagsJson.Serialize(flags)]).ConfigureAwait(false);
    }
}
