namespace Alpha.Features;

/// <summary>One aligned bar of a pair: what <see cref="PairFeatureState"/> needs of each leg (prices positive and finite).</summary>
/// <param name="HighA">Leg A high.</param>
/// <param name="LowA">Leg A low.</param>
/// <param name="CloseA">Leg A close.</param>
/// <param name="HighB">Leg B high.</param>
/// <param name="LowB">Leg B low.</param>
/// <param name="CloseB">Leg B close.</param>
public readonly record struct PairBar(double HighA, double LowA, double CloseA, double HighB, double LowB, double CloseB);
