using System.Collections.Immutable;
using Alpha.CrossValidation;

namespace Alpha.Training;

/// <summary>What one cross-validation fold's training produced (everything here must depend on its training bars only).</summary>
/// <param name="Index">0-based fold index.</param>
/// <param name="TestSpans">The fold's test spans (bars), as purging used them.</param>
/// <param name="TrainingBars">Bars of the training window (thresholds and the scaler see these only).</param>
/// <param name="Ai1TrainSamples">AI1 events trained on (after purging and embargo).</param>
/// <param name="Ai1TestSamples">AI1 events scored out of fold.</param>
/// <param name="Ai2TrainSamples">AI2 samples trained on.</param>
/// <param name="Ai2TestSamples">AI2 samples scored out of fold.</param>
/// <param name="MaxSpeed">The fold's AI1 speed limit.</param>
/// <param name="RiskThresholds">The fold's AI2 thresholds: rho_var, atr_ratio, speed, dd_recent.</param>
/// <param name="ScalerMedians">The fold's robust-scaler medians.</param>
/// <param name="ScalerScales">The fold's robust-scaler scales.</param>
/// <param name="Ai1BestIteration">AI1's best round (0-based) on the inner validation set.</param>
/// <param name="Ai2BestIteration">AI2's best round.</param>
/// <param name="Ai1Model">AI1 booster (XGBoost JSON or LightGBM model.txt, UTF-8: the trainer's format).</param>
/// <param name="Ai2Model">AI2 booster.</param>
public sealed record FoldReport(
    int Index,
    ImmutableArray<TestSpan> TestSpans,
    ImmutableArray<int> TrainingBars,
    int Ai1TrainSamples,
    int Ai1TestSamples,
    int Ai2TrainSamples,
    int Ai2TestSamples,
    double MaxSpeed,
    ImmutableArray<double> RiskThresholds,
    ImmutableArray<double> ScalerMedians,
    ImmutableArray<double> ScalerScales,
    int Ai1BestIteration,
    int Ai2BestIteration,
    ImmutableArray<byte> Ai1Model,
    ImmutableArray<byte> Ai2Model);
