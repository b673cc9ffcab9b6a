namespace Alpha.Boosting.Training;

/// <summary>One metric of one evaluation set after one round.</summary>
/// <param name="Set">The evaluation set's name.</param>
/// <param name="Metric">The metric (e.g. logloss, auc).</param>
/// <param name="Value">Its value.</param>
public readonly record struct EvaluationScore(string Set, string Metric, double Value);
