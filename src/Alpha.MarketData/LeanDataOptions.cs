namespace Alpha.MarketData;

/// <summary>How <see cref="LeanBarReader"/> reads Lean's hour and daily quote-bar files.</summary>
public sealed record LeanDataOptions
{
    /// <summary>Which prices become the bar's.</summary>
    /// <value>The default is <see cref="QuoteSide.Bid"/> (the prices MetaTrader exports, so Lean and MetaTrader legs mix).</value>
    public QuoteSide Side { get; init; } = QuoteSide.Bid;

    /// <summary>The Lean market the files come from (the folder under <c>Data/forex/</c>); it gives the data time zone.</summary>
    /// <value>The default is <c>oanda</c>.</value>
    public string Market { get; init; } = "oanda";

    /// <summary>The zone the timestamps are written in, overriding <see cref="Market"/>'s; times are converted to UTC.</summary>
    /// <value>The default is <see langword="null"/>: <see cref="LeanMarkets.DataTimeZone"/> of <see cref="Market"/>.</value>
    public TimeZoneInfo? DataTimeZone { get; init; }

    /// <summary>Strict (the first problem throws) or lenient (bad rows skipped and reported).</summary>
    /// <value>The default is <see cref="ValidationMode.Strict"/>.</value>
    public ValidationMode Mode { get; init; } = ValidationMode.Strict;
}
