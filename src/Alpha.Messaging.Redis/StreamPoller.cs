using Alpha.Inference;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Alpha.Messaging.Redis;

/// <summary>
/// Reads streams from their beginning, one multi-key <c>XREAD</c> per poll from the last ids, in id order across
/// streams (ties in the order the streams are listed), waiting up to a poll interval (or a nudge) when nothing came or
/// Redis could not be reached; what a reader cannot use goes to a dead-letter stream with its stream, id and problem.
/// The one place the bar and fill sources read Redis streams.
/// </summary>
internal sealed partial class StreamPoller
{
    private readonly IDatabase _db;
    private readonly StreamPosition[] _positions;
    private readonly RedisKey _deadLetters;
    private readonly int _countPerStream;
    private readonly int _deadLetterMaxLength;
    private readonly TimeSpan _pollInterval;
    private readonly ILogger _logger;
    private readonly List<(RedisValue Id, int Stream, StreamEntry Entry)> _merged = [];

    public StreamPoller(IDatabase db, IEnumerable<RedisKey> streams, RedisKey deadLetters, TimeSpan pollInterval, int countPerStream, int deadLetterMaxLength, TimeProvider timeProvider, ILogger logger)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(pollInterval, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(countPerStream);
        (_db, _deadLetters, _pollInterval, _countPerStream, _deadLetterMaxLength, _logger) = (db, deadLetters, pollInterval, countPerStream, deadLetterMaxLength, logger);
        _positions = [.. streams.Select(s => new StreamPosition(s, "0-0"))];
        Nudge = new Wakeup(timeProvider);
    }

    /// <summary>Set it to poll at once.</summary>
    public Wakeup Nudge { get; }

    /// <summary>Messages sent to the dead-letter stream so far.</summary>
    public long DeadLettered { get; private set; }

    /// <summary>The next messages (stream index and entry), in order; none after waiting when nothing came or Redis is unreachable.</summary>
    public async Task<IReadOnlyList<(int Stream, StreamEntry Entry)>> PollAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        RedisStream[] read;
        try
        {
            read = await _db.StreamReadAsync(_positions, _countPerStream).ConfigureAwait(false);
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            LogUnreachable(_logger, e.GetType().Name, e.Message);
            read = [];
        }

        _merged.Clear();
        foreach (RedisStream stream in read)
        {
            int index = Array.FindIndex(_positions, p => p.Key == stream.Key);
            foreach (StreamEntry entry in stream.Entries)
            {
                _merged.Add((entry.Id, index, entry));
            }
        }

        if (_merged.Count == 0)
        {
            await Nudge.WaitAsync(_pollInterval, cancellationToken).ConfigureAwait(false);
            return [];
        }

        _merged.Sort((x, y) => CompareIds(x.Id, y.Id) is int c && c != 0 ? c : x.Stream.CompareTo(y.Stream));
        foreach ((RedisValue id, int stream, _) in _merged)
        {
            _positions[stream] = new StreamPosition(_positions[stream].Key, id);
        }

        return [.. _merged.Select(m => (m.Stream, m.Entry))];
    }

    /// <summary>Sends a message to the dead-letter stream (best effort: the problem is logged either way).</summary>
    public async Task DeadLetterAsync(int stream, StreamEntry entry, string problem)
    {
        DeadLettered++;
        string key = _positions[stream].Key.ToString();
        LogDeadLetter(_logger, key, entry.Id.ToString(), problem);
        NameValueEntry[] letter = [new("stream", key), new("id", entry.Id), new("problem", problem), .. entry.Values.Select(f => new NameValueEntry("field:" + f.Name, f.Value))];
        try
        {
            await _db.StreamAddAsync(_deadLetters, letter, maxLength: _deadLetterMaxLength, useApproximateMaxLength: true).ConfigureAwait(false);
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            LogUnreachable(_logger, e.GetType().Name, e.Message);
        }
    }

    // Stream ids are "<ms>-<seq>": ordered by both numbers.
    private static int CompareIds(RedisValue x, RedisValue y)
    {
        static (ulong Ms, ulong Seq) Split(RedisValue id)
        {
            string s = id.ToString();
            int dash = s.IndexOf('-', StringComparison.Ordinal);
            return (ulong.Parse(s.AsSpan(0, dash), provider: System.Globalization.CultureInfo.InvariantCulture), ulong.Parse(s.AsSpan(dash + 1), provider: System.Globalization.CultureInfo.InvariantCulture));
        }

        return Split(x).CompareTo(Split(y));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redis unreachable while reading streams ({ExceptionType}: {Reason}); polling again")]
    private static partial void LogUnreachable(ILogger logger, string exceptionType, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Malformed message {Stream} {Id} dead-lettered: {Problem}")]
    private static partial void LogDeadLetter(ILogger logger, string stream, string id, string problem);
}
