namespace Alpha.Inference;

/// <summary>
/// Position scale (AI3) of a new entry: a pluggable policy, <see cref="ConstantPositionScaler"/> (1, the backtest's) or
/// <see cref="VolatilityTargetScaler"/>. Called only at entries; must return a value in (0, 1].
/// </summary>
public interface IPositionScaler
{
    /// <summary>The scale of an entry decided at a bar with these 17 pair features (raw, unscaled) and probabilities.</summary>
    double Scale(ReadOnlySpan<double> features, double returnProb, double riskScore);
}
