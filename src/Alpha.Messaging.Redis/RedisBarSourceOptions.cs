namespace Alpha.Messaging.Redis;

/// <summary>Settings of a <see cref="RedisBarSource"/>.</summary>
public sealed record RedisBarSourceOptions
{
    /// <summary>The streams to read: each symbol and timeframe the worker's engines trade.</summary>
    public required IReadOnlyList<(string Symbol, TimeSpan Timeframe)> Streams { get; init; }

    /// <summary>The keys' prefix.</summary>
    /// <value>The default is no prefix.</value>
    public RedisKeys Keys { get; init; } = new();

    /// <summary>The longest wait between polls when nothing arrives (a nudge on <see cref="RedisKeys.BarNudge"/> polls at once).</summary>
    /// <value>The default is 100 ms.</value>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Messages read per stream per poll.</summary>
    /// <value>The default is 512.</value>
    public int CountPerStream { get; init; } = 512;

    /// <summary>The dead-letter stream is trimmed to about this many messages.</summary>
    /// <value>The default is 100,000.</value>
    public int DeadLetterMaxLength { get; init; } = 100_000;
}
