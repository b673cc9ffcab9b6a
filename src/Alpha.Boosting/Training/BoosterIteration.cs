using System.Collections.Immutable;

namespace Alpha.Boosting.Training;

/// <summary>The scores after one boosting round (0-based), as reported to the progress callback and kept in the history.</summary>
/// <param name="Iteration">The round, 0-based.</param>
/// <param name="Scores">Every evaluation set's metrics.</param>
public sealed record BoosterIteration(int Iteration, ImmutableArray<EvaluationScore> Scores);
