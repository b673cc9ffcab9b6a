namespace Alpha.Signals;

/// <summary>The position machine's clock: "now" is the bar being decided or filled, never the machine's time.</summary>
internal sealed class BarClock : TimeProvider
{
    public DateTime Now { get; set; }

    public override DateTimeOffset GetUtcNow() => new(DateTime.SpecifyKind(Now, DateTimeKind.Utc));
}
