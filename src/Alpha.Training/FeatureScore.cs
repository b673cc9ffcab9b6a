namespace Alpha.Training;

/// <summary>One feature's importance in a boosted model.</summary>
/// <param name="Feature">The feature's name.</param>
/// <param name="Gain">Mean loss reduction of its splits (XGBoost's <c>gain</c>).</param>
/// <param name="TotalGain">Summed loss reduction (<c>total_gain</c>).</param>
/// <param name="Splits">Number of splits on it (<c>weight</c>).</param>
public sealed record FeatureScore(string Feature, double Gain, double TotalGain, int Splits);
