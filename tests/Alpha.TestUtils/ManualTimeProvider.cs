namespace Alpha.TestUtils;

/// <summary>A clock the test sets by hand (Microsoft.Extensions.TimeProvider.Testing is not on the feed).</summary>
public sealed class ManualTimeProvider(DateTimeOffset now) : TimeProvider
{
    /// <summary>The current time; set or advance it in the test.</summary>
    public DateTimeOffset Now { get; set; } = now;

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow() => Now;

    /// <inheritdoc />
    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    /// <inheritdoc />
    public override long GetTimestamp() => Now.UtcTicks;

    /// <summary>Moves the clock forward.</summary>
    public void Advance(TimeSpan by) => Now += by;
}
