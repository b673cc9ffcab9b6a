namespace Alpha.MarketData;

/// <summary>One OHLCV bar. <see cref="Time"/> is the bar's UTC open time; prices are in the instrument's quote units.</summary>
/// <param name="Time">UTC open time of the bar.</param>
/// <param name="Open">Opening price.</param>
/// <param name="High">Highest price.</param>
/// <param name="Low">Lowest price.</param>
/// <param name="Close">Closing price.</param>
/// <param name="Volume">Volume (tick count for MetaTrader exports); 0 when the file has none.</param>
public readonly record struct Bar(DateTime Time, double Open, double High, double Low, double Close, double Volume);
