using Alpha.Inference;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;

namespace Alpha.Messaging.Redis;

/// <summary>
/// Fills in from the stream <see cref="RedisKeys.Fills"/> (the trading side's result.json, as <see cref="FillMessage"/>),
/// read from its beginning (the store keeps each fill id once); a malformed message goes to
/// <see cref="RedisKeys.FillDeadLetters"/> with its id and problem.
/// </summary>
public sealed class RedisFillSource : IFillSource
{
    private readonly StreamPoller _poller;

    /// <summary>Creates the source.</summary>
    /// <param name="redis">The connection.</param>
    /// <param name="keys">The keys' prefix.</param>
    /// <param name="timeProvider">The poll's clock.</param>
    /// <param name="pollInterval">The longest wait between polls; the default 1 s.</param>
    /// <param name="logger">Logs dead letters and unreachable Redis.</param>
    public RedisFillSource(IConnectionMultiplexer redis, RedisKeys keys, TimeProvider timeProvider, TimeSpan? pollInterval = null, ILogger<RedisFillSource>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(redis);
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _poller = new StreamPoller(redis.GetDatabase(), [keys.Fills], keys.FillDeadLetters, pollInterval ?? TimeSpan.FromSeconds(1), 512, 100_000, timeProvider, (ILogger?)logger ?? NullLogger.Instance);
    }

    /// <summary>Messages sent to the dead-letter stream so far.</summary>
    public long DeadLettered => _poller.DeadLettered;

    /// <inheritdoc/>
    public async ValueTask ReadAsync(ICollection<Fill> fills, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fills);
        foreach ((int stream, StreamEntry entry) in await _poller.PollAsync(cancellationToken).ConfigureAwait(false))
        {
            if (FillMessage.TryParse(entry.Values, out Fill? fill, out string problem))
            {
                fills.Add(fill!);
            }
            else
            {
                await _poller.DeadLetterAsync(stream, entry, problem).ConfigureAwait(false);
            }
        }
    }
}
