namespace Alpha.Boosting.Training;

/// <summary>
/// Trains a gradient-boosted model (DESIGN.md § 5 "Boosters"): row-major float32 features, labels and sample weights,
/// an optional validation set with its own weights that drives early stopping, booster parameters, a round limit and
/// patience, a seed and a thread count (in the parameters), cancellation between rounds → the model's bytes cut back
/// to the best round, the best iteration and every round's scores. Implemented by the native packages
/// (Alpha.Boosting.XGBoost, Alpha.Boosting.LightGbm); a flow that trains depends on this contract only, and the host
/// registers the implementations.
/// </summary>
/// <remarks>
/// Implementations are thread-safe: concurrent calls train independent models. The same data, parameters and seed
/// give the same model bytes (with the thread count fixed).
/// </remarks>
public interface IBoosterTrainer
{
    /// <summary>The booster's name as policy files spell it (<c>xgboost</c>, <c>lightgbm</c>); equals <see cref="BoosterParameters.Booster"/> of the parameters it accepts.</summary>
    string Name { get; }

    /// <summary>The format of the models it writes.</summary>
    ModelFormat Format { get; }

    /// <summary>Trains a model.</summary>
    /// <param name="train">Training data.</param>
    /// <param name="validation">Scored after every round with the parameters' evaluation metric, weighted by its own weights; the last metric drives early stopping. Null trains every round.</param>
    /// <param name="parameters">This booster's parameters (<see cref="BoosterParameters.Booster"/> must equal <see cref="Name"/>).</param>
    /// <param name="options">Rounds and early-stopping patience.</param>
    /// <param name="progress">Receives each round's scores.</param>
    /// <param name="cancellationToken">Checked between rounds.</param>
    /// <exception cref="ArgumentException">Parameters of another booster, early stopping without a validation set, or column counts that differ.</exception>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    BoosterTrainingResult Train(
        BoosterDataset train,
        BoosterDataset? validation,
        BoosterParameters parameters,
        BoosterTrainingOptions options,
        IProgress<BoosterIteration>? progress = null,
        CancellationToken cancellationToken = default);
}
