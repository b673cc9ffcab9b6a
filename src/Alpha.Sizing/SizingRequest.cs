namespace Alpha.Sizing;

/// <summary>What to size: a spread position of <see cref="Direction"/> with hedge ratio <see cref="Beta"/>.</summary>
/// <param name="NotionalA">Target notional of leg A in the account currency, before <see cref="PositionScale"/>.</param>
/// <param name="Direction">+1 long the spread (buy A, sell β·B), −1 short it.</param>
/// <param name="Beta">Hedge ratio β (notional_B = β·notional_A; a negative β trades B on the same side as A).</param>
/// <param name="PriceA">Leg A's reference price, in its quote currency.</param>
/// <param name="PriceB">Leg B's reference price, in its quote currency.</param>
/// <param name="FxA">Leg A's quote-to-account rate; null when its quote currency is the account currency.</param>
/// <param name="FxB">Leg B's quote-to-account rate; null when its quote currency is the account currency.</param>
/// <param name="PositionScale">AI3's scale on both legs (1 = full size).</param>
public readonly record struct SizingRequest(double NotionalA, int Direction, double Beta, double PriceA, double PriceB, FxQuote? FxA = null, FxQuote? FxB = null, double PositionScale = 1.0);
