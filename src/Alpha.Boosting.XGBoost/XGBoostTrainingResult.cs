using System.Collections.Immutable;

namespace Alpha.Boosting.XGBoost;

/// <summary>A trained model and how it got there.</summary>
/// <param name="ModelJson">The model as XGBoost JSON, holding the rounds up to the best iteration; loadable by <see cref="BoostedTreeModel.LoadXGBoostJson"/>.</param>
/// <param name="BestIteration">The best round (0-based); the last round without early stopping.</param>
/// <param name="BestScore">The early-stopping metric at the best round, or NaN without evaluation sets.</param>
/// <param name="RoundsTrained">Rounds actually run (≥ BestIteration + 1).</param>
/// <param name="History">Every round's scores.</param>
public sealed record XGBoostTrainingResult(ImmutableArray<byte> ModelJson, int BestIteration, double BestScore, int RoundsTrained, ImmutableArray<XGBoostIteration> History)
{
    /// <summary>The model for managed, allocation-free prediction.</summary>
    public BoostedTreeModel LoadModel() => BoostedTreeModel.LoadXGBoostJson(ModelJson.AsSpan());
}
