using Alpha.Boosting.Training;
using Alpha.Optimization;

namespace Alpha.Training;

/// <summary>One model's hyper-parameter search: every trial and the parameters its folds and final booster then trained with.</summary>
/// <param name="Model"><c>ai1</c> or <c>ai2</c>.</param>
/// <param name="Study">
/// The trials: each one's parameters, its value (the mean inner-validation log loss over the folds) and, as attributes
/// <c>fold_0</c>, <c>fold_1</c> …, each fold's log loss.
/// </param>
/// <param name="Parameters">The policy's booster parameters with the best trial's values (the policy's own when no trial completed).</param>
public sealed record HyperparameterSearchResult(string Model, StudyResult Study, BoosterParameters Parameters);
