namespace Alpha.Sizing;

/// <summary>The side of an order.</summary>
public enum TradeSide
{
    /// <summary>Buy.</summary>
    Buy,

    /// <summary>Sell (or sell short).</summary>
    Sell,
}
