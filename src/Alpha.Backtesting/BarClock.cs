namespace Alpha.Backtesting;

/// <summary>The simulation's clock: "now" is the bar being filled, never the machine's time.</summary>
internal sealed class BarClock : TimeProvider
{
    public DateTime Now { get; set; }

    public override DateTimeOffset GetUtcNow() => new(DateTime.SpecifyKind(Now, DateTimeKind.Utc));
}
