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
public sealed partial class RedisBarSource : IBarSource, IAsyncDisposable
{
    private readonly IDatabase _db;
    private readonly ISubscriber _subscriber;
    private readonly RedisBarSourceOptions _options;
    private readonly StreamPosition[] _positions;
    private readonly (string Symbol, TimeSpan Timeframe)[] _streams;
    private readonly Wakeup _nudge;
    private readonly ILogger _logger;
    private readonly List<(RedisValue Id, int Stream, StreamEntry Entry)> _merged = [];
    private bool _subscribed;

    /// <summary>Creates the source, reading every stream from its beginning (engines skip what they have decided).</summary>
    public RedisBarSource(IConnectionMultiplexer redis, RedisBarSourceOptions options, TimeProvider timeProvider, ILogger<RedisBarSource>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(redis);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.PollInterval, TimeSpan.Zero, nameof(options));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.CountPerStream, nameof(options));
        _streams = [.. options.Streams.Distinct()];
        if (_streams.Length == 0)
        {
            throw new ArgumentException("The source needs at least one stream.", nameof(options));
        }

        _db = redis.GetDatabase();
        _subscriber = redis.GetSubscriber();
        _options = options;
        _positions = [.. _streams.Select(s => new StreamPosition(options.Keys.Bars(s.Symbol, s.Timeframe), "0-0"))];
        _nudge = new Wakeup(timeProvider);
        _logger = logger ?? NullLogger<RedisBarSource>.Instance;
    }

    /// <summary>Messages sent to the dead-letter stream so far.</summary>
    public long DeadLettered { get; private set; }

    /// <inheritdoc/>
    public async ValueTask<bool> ReadAsync(ICollection<SourcedBar> bars, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bars);
        cancellationToken.ThrowIfCancellationRequested();
        RedisStream[] read;
        try
        {
            await SubscribeAsync().ConfigureAwait(false);
            read = await _db.StreamReadAsync(_positions, _options.CountPerStream).ConfigureAwait(false);
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            LogUnreachable(_logger, e.GetType().Name, e.Message);
            await _nudge.WaitAsync(_options.PollInterval, cancellationToken).ConfigureAwait(false);
            return true;
        }

        _merged.Clear();
        for (int k = 0; k < read.Length; k++)
        {
            int stream = Array.FindIndex(_positions, p => p.Key == read[k].Key);
            foreach (StreamEntry entry in read[k].Entries)
            {
                _merged.Add((entry.Id, stream, entry));
            }
        }

        if (_merged.Count == 0)
        {
            await _nudge.WaitAsync(_options.PollInterval, cancellationToken).ConfigureAwait(false);
            return true;
        }

        _merged.Sort((x, y) => CompareIds(x.Id, y.Id) is int c && c != 0 ? c : x.Stream.CompareTo(y.Stream));
        foreach ((RedisValue id, int stream, StreamEntry entry) in _merged)
        {
            if (BarMessage.TryParse(entry.Values, out Bar bar, out string problem))
            {
                bars.Add(new SourcedBar(_streams[stream].Symbol, _streams[stream].Timeframe, bar));
            }
            else
            {
                await DeadLetterAsync(_positions[stream].Key, id, problem, entry.Values).ConfigureAwait(false);
            }

            _positions[stream] = new StreamPosition(_positions[stream].Key, id);
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

    // Stream ids are "<ms>-<seq>": ordered by both numbers.
    internal static int CompareIds(RedisValue x, RedisValue y)
    {
        static (ulong Ms, ulong Seq) Split(RedisValue id)
        {
            string s = id.ToString();
            int dash = s.IndexOf('-', StringComparison.Ordinal);
            return (ulong.Parse(s.AsSpan(0, dash), provider: System.Globalization.CultureInfo.InvariantCulture), ulong.Parse(s.AsSpan(dash + 1), provider: System.Globalization.CultureInfo.InvariantCulture));
        }

        return Split(x).CompareTo(Split(y));
    }

    private async Task SubscribeAsync()
    {
        if (!_subscribed)
        {
            await _subscriber.SubscribeAsync(_options.Keys.BarNudge, (_, _) => _nudge.Set()).ConfigureAwait(false);
            _subscribed = true;
        }
    }

    private async Task DeadLetterAsync(RedisKey stream, RedisValue id, string problem, NameValueEntry[] fields)
    {
        DeadLettered++;
        LogDeadLetter(_logger, stream.ToString(), id.ToString(), problem);
        NameValueEntry[] letter = [new("stream", stream.ToString()), new("id", id), new("problem", problem), .. fields.Select(f => new NameValueEntry("field:" + f.Name, f.Value))];
        try
        {
            await _db.StreamAddAsync(_options.Keys.DeadLetters, letter, maxLength: _options.DeadLetterMaxLength, useApproximateMaxLength: true).ConfigureAwait(false);
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            LogUnreachable(_logger, e.GetType().Name, e.Message);     // the problem is logged above; reading goes on
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redis unreachable while reading bars ({ExceptionType}: {Reason}); polling again")]
    private static partial void LogUnreachable(ILogger logger, string exceptionType, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Malformed bar message {Stream} {Id} dead-lettered: {Problem}")]
    private static partial void LogDeadLetter(ILogger logger, string stream, string id, string problem);
}
