namespace Alpha.Sizing;

/// <summary>One leg of a sized order.</summary>
/// <param name="Symbol">The instrument.</param>
/// <param name="Side">Buy or sell.</param>
/// <param name="Quantity">Units to trade (positive; a multiple of the lot step).</param>
/// <param name="Price">The price on the tick grid, in the quote currency.</param>
/// <param name="Notional">Quantity × price × multiplier × FX rate, in the account currency.</param>
/// <param name="BetaWeight">1 for leg A, β for leg B (the Signal's beta_weight).</param>
public sealed record SizedLeg(string Symbol, TradeSide Side, double Quantity, double Price, double Notional, double BetaWeight);
