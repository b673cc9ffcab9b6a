using System.Collections.Immutable;
using Alpha.MarketData;

namespace Alpha.Training;

/// <summary>What a direction run produced; <see cref="Artifacts"/> are the version's files.</summary>
/// <param name="Artifacts">File name → content (model, feature schema, parameters, metrics, out-of-fold probabilities, data quality, code hash, seed).</param>
/// <param name="DataQuality">The alignment report.</param>
/// <param name="Metrics">The cross-fitted metrics beside the class-frequency baseline.</param>
/// <param name="Rounds">The final model's boosting rounds (the folds' median best round count).</param>
/// <param name="StageTimes">Wall time of each stage.</param>
public sealed record DirectionResult(
    ImmutableSortedDictionary<string, ImmutableArray<byte>> Artifacts,
    DataQualityReport DataQuality,
    DirectionMetrics Metrics,
    int Rounds,
    ImmutableArray<KeyValuePair<RetrainStage, TimeSpan>> StageTimes);
