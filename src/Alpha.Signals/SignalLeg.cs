namespace Alpha.Signals;

/// <summary>One leg of a pair signal.</summary>
/// <param name="Symbol">The instrument (e.g. <c>AUDUSD</c>).</param>
/// <param name="Side">Buy or sell.</param>
/// <param name="BetaWeight">The leg's hedge weight: 1 for leg A, β for leg B (finite).</param>
/// <param name="Quantity">Units to trade, after lot rounding (finite, ≥ 0).</param>
public sealed record SignalLeg(string Symbol, LegSide Side, double BetaWeight, double Quantity);
