namespace Alpha.MarketData;

/// <summary>Which prices of a quote bar (bid and ask OHLC) become the bar's prices.</summary>
public enum QuoteSide
{
    /// <summary>The bid prices and the last bid size (as MetaTrader exports its bars).</summary>
    Bid,

    /// <summary>The ask prices and the last ask size.</summary>
    Ask,

    /// <summary>The mid prices, (bid + ask) / 2 for each of open, high, low and close, and the mean of the two sizes.</summary>
    Mid,
}
