using System.Collections.Immutable;

namespace Alpha.Boosting.Training;

/// <summary>A trained model and how it got there.</summary>
/// <param name="Model">The serialised model (in <paramref name="Format"/>), holding the rounds up to the best iteration.</param>
/// <param name="Format">How <paramref name="Model"/> is serialised.</param>
/// <param name="BestIteration">The best round (0-based); the last round without early stopping.</param>
/// <param name="BestScore">The early-stopping metric at the best round, or NaN without a validation set.</param>
/// <param name="RoundsTrained">Rounds actually run (≥ BestIteration + 1).</param>
/// <param name="History">Every round's scores.</param>
public sealed record BoosterTrainingResult(ImmutableArray<byte> Model, ModelFormat Format, int BestIteration, double BestScore, int RoundsTrained, ImmutableArray<BoosterIteration> History)
{
    /// <summary>The model for managed, allocation-free prediction.</summary>
    /// <exception cref="ModelFormatException">The bytes are not a valid model of <see cref="Format"/>.</exception>
    public BoostedTreeModel LoadModel() => BoostedTreeModel.Load(Model.AsSpan(), Format);
}
