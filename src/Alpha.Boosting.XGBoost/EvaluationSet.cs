namespace Alpha.Boosting.XGBoost;

/// <summary>A named dataset scored after every round (e.g. "valid"); the last one drives early stopping.</summary>
/// <param name="Name">The name in the training history (letters, digits, '_' or '-').</param>
/// <param name="Data">The data.</param>
public sealed record EvaluationSet(string Name, XGBoostDataset Data);
