using System.Collections.Immutable;

namespace Alpha.Monitoring;

/// <summary>
/// What a version froze at training for monitoring (its <c>drift_reference.json</c>): the distribution of every model
/// input and of the calibrated AI1 and AI2 scores over the out-of-fold candidates, the out-of-fold AUC, the
/// cross-fitted backtest's win rate and trade count, and θ2 (the AI2 gate the pass rate is measured against).
/// </summary>
/// <param name="Inputs">One distribution per model input, in feature-schema order (the scaled inputs the boosters see).</param>
/// <param name="ReturnProb">The calibrated AI1 probability (cross-fitted: each candidate scored by a model that never saw it).</param>
/// <param name="RiskScore">The calibrated AI2 probability (cross-fitted).</param>
/// <param name="OutOfFoldAuc">AI1's out-of-fold ROC-AUC.</param>
/// <param name="BacktestWinRate">The cross-fitted backtest's share of winning trades at the version's θ.</param>
/// <param name="BacktestTrades">Its number of trades.</param>
/// <param name="Theta2">The version's θ2: a candidate passes AI2 when its risk score is below it.</param>
public sealed record DriftReference(
    ImmutableArray<DriftDistribution> Inputs,
    DriftDistribution ReturnProb,
    DriftDistribution RiskScore,
    double OutOfFoldAuc,
    double BacktestWinRate,
    int BacktestTrades,
    double Theta2);
