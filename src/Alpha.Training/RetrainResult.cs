using System.Collections.Immutable;
using Alpha.Backtesting;
using Alpha.Calibration;
using Alpha.MarketData;
using Alpha.Optimization;
using Alpha.Registry;

namespace Alpha.Training;

/// <summary>Everything a retrain run produced; <see cref="Artifacts"/> are the files <see cref="ModelStore.Write"/> stores (through <see cref="RetrainPublisher"/>).</summary>
/// <param name="Artifacts">File name → content, in name order (models, calibrators, schema, params, metrics, equity, drift reference, data quality, dataset index, code hash, seed).</param>
/// <param name="DataQuality">The alignment report.</param>
/// <param name="Ai1">AI1's cross-fitted calibration metrics.</param>
/// <param name="Ai2">AI2's cross-fitted calibration metrics.</param>
/// <param name="Folds">Per fold, what its training produced.</param>
/// <param name="Scores">The cross-fitted (out-of-sample) scores at the candidate bars: re-run backtests or θ searches without retraining.</param>
/// <param name="ThetaSearch">The θ search.</param>
/// <param name="Theta">The θ the model ships with.</param>
/// <param name="Backtest">The out-of-sample backtest at <paramref name="Theta"/> (cross-fitted scores).</param>
/// <param name="Stress">The stress scenarios at <paramref name="Theta"/>.</param>
/// <param name="Adoption">The adoption decision with every criterion's value.</param>
/// <param name="StageTimes">Wall time of each stage.</param>
public sealed record RetrainResult(
    ImmutableSortedDictionary<string, ImmutableArray<byte>> Artifacts,
    DataQualityReport DataQuality,
    CalibrationReport Ai1,
    CalibrationReport Ai2,
    ImmutableArray<FoldReport> Folds,
    ScoredPair Scores,
    ThetaSearchResult ThetaSearch,
    Theta Theta,
    BacktestResult Backtest,
    ImmutableArray<StressResult> Stress,
    AdoptionDecision Adoption,
    ImmutableArray<KeyValuePair<RetrainStage, TimeSpan>> StageTimes)
{
    /// <summary>The hyper-parameter searches (AI1, then AI2) when the policy enables them; empty otherwise.</summary>
    public ImmutableArray<HyperparameterSearchResult> HyperparameterSearches { get; init; } = [];
}
