namespace Alpha.Sizing;

/// <summary>Settings of <see cref="BetaNeutralSizer"/>.</summary>
public sealed record SizingOptions
{
    /// <summary>An FX rate older than this is stale and blocks the order.</summary>
    /// <value>The default is 5 minutes.</value>
    public TimeSpan StaleFxThreshold { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>How order prices are put on the tick grid.</summary>
    /// <value>The default is <see cref="TickRounding.Nearest"/>.</value>
    public TickRounding PriceRounding { get; init; } = TickRounding.Nearest;
}
