namespace Alpha.MarketData;

/// <summary>Which leg of a pair a bar belongs to.</summary>
public enum PairLeg
{
    /// <summary>Leg A (the dependent leg of the hedge regression).</summary>
    A,

    /// <summary>Leg B.</summary>
    B,
}
