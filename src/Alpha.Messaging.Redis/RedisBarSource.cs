using Alpha.Inference;
using Alpha.MarketData;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;

namespace Alpha.Messaging.Redis;

/// <summary>
/// Bars in from Redis streams (DESIGN.md § 6 "Worker"): one multi-key <c>XREAD</c> per poll from the last ids read
/// (StackExchange.Redis has no blocking reads, so it polls, and a message on <see cref="RedisKeys.BarNudge"/> makes the
/// next poll immediate). Messages are delivered in stream-id order across streams — their arrival order to the
/// millisecond; within one millisecond, in the order the streams are listed (each stream's own order is kept). A message
/// that is not a bar (<see cref="BarMessage"/>) goes to the dead-letter stream with its stream, id, problem and fields,
/// and reading goes on. While Redis is unreachable a poll returns nothing and the source tries again.
/// </summary>
public sealed class RedisBarSource : IBarSource, IAsyncDisposable
{
    private readonly ISubscriber _subscriber;
    private readonly RedisBarSourceOptions _options;
    private readonly (string Symbol, TimeSpan Timeframe)[] _streams;
    private readonly StreamPoller _poller;
    private bool _subscribed;

    /// <summary>Creates the source, reading every stream from its beginning (engines skip what they have decided).</summary>
    public RedisBarSource(IConnectionMultiplexer redis, RedisBarSourceOptions options, TimeProvider timeProvider, ILogger<RedisBarSource>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(redis);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _streams = [.. options.Streams.Distinct()];
        if (_streams.Length == 0)
        {
            throw new ArgumentException("The source needs at least one stream.", nameof(options));
        }

        _subscriber = redis.GetSubscriber();
        _options = options;
        _poller = new StreamPoller(
            redis.GetDatabase(), _streams.Select(s => options.Keys.Bars(s.Symbol, s.Timeframe)), options.Keys.DeadLetters, options.PollInterval,
            options.CountPerStream, options.DeadLetterMaxLength, timeProvider, (ILogger?)logger ?? NullLogger.Instance);
    }

    /// <summary>Messages sent to the dead-letter stream so far.</summary>
    public long DeadLettered => _poller.DeadLettered;

    /// <inheritdoc/>
    public async ValueTask<bool> ReadAsync(ICollection<SourcedBar> bars, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bars);
        await SubscribeAsync().ConfigureAwait(false);
        foreach ((int stream, StreamEntry entry) in await _poller.PollAsync(cancellationToken).ConfigureAwait(false))
        {
            if (BarMessage.TryParse(entry.Values, out Bar bar, out string problem))
            {
                bars.Add(new SourcedBar(_streams[stream].Symbol, _streams[stream].Timeframe, bar));
            }
            else
            {
                await _poller.DeadLetterAsync(stream, entry, problem).ConfigureAwait(false);
            }
        }

        return true;
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        if (_subscribed)
        {
            await _subscriber.UnsubscribeAsync(_options.Keys.BarNudge).ConfigureAwait(false);
        }
    }

    private async Task SubscribeAsync()
    {
        if (_subscribed)
        {
            return;
        }

        try
        {
            await _subscriber.SubscribeAsync(_options.Keys.BarNudge, (_, _) => _poller.Nudge.Set()).ConfigureAwait(false);
            _subscribed = true;
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            // Redis is unreachable: the poll says so and waits; subscribing is tried again at the next read.
        }
    }
}
