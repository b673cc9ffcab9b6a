using Alpha.Signals;

namespace Alpha.Inference;

/// <summary>
/// What a trading predictor's outputs mean: output 0 is return_prob, output 1 risk_score (both calibrated, in
/// [0, 1]); entries follow <see cref="DecisionRule.Enters"/> at θ1, θ2 under the version's trading rules.
/// </summary>
/// <param name="Theta1">θ1 (after the catalogue's override, if any).</param>
/// <param name="Theta2">θ2.</param>
/// <param name="Rules">The version's candidate band, speed limit and exits; sizing comes from the engine's options.</param>
public sealed record TradingOutputs(double Theta1, double Theta2, TradingRules Rules);
