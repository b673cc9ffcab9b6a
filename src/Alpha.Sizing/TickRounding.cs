namespace Alpha.Sizing;

/// <summary>How a price is brought onto the tick grid (ccxt's ROUND and TRUNCATE).</summary>
public enum TickRounding
{
    /// <summary>The nearest tick; halves away from zero.</summary>
    Nearest,

    /// <summary>The tick toward zero.</summary>
    TowardZero,
}
