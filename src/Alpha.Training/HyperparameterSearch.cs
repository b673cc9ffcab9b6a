using Alpha.Boosting.Training;
using Alpha.Calibration;
using Alpha.Features;
using Alpha.Labeling;
using Alpha.Optimization;

namespace Alpha.Training;

/// <summary>
/// The hyper-parameter search stage: TPE (seeded) over the booster's parameters for one model; a trial trains the
/// model on each fold's training samples with the usual inner validation split and scores the log loss of its
/// predictions on that inner validation set, weighted as the objective is (the loss early stopping judges). It sees
/// the folds' training samples only: a test fold cannot influence a trial.
/// </summary>
internal static class HyperparameterSearch
{
    /// <summary>Runs the search for <paramref name="model"/>.</summary>
    /// <param name="model"><c>ai1</c> or <c>ai2</c>.</param>
    /// <param name="trainer">The booster.</param>
    /// <param name="policy">The policy (its booster parameters are the starting point; its inner validation split is the one scored).</param>
    /// <param name="frame">The features.</param>
    /// <param name="folds">Per fold: its scaler, training samples and weights.</param>
    /// <param name="seed">The sampler's seed.</param>
    /// <param name="forEachFold">Runs a fold's body for every fold (the flow trains them concurrently).</param>
    /// <param name="trialDone">Told each finished trial's number (progress, heartbeats).</param>
    /// <param name="cancellationToken">Checked between trials and inside training.</param>
    public static HyperparameterSearchResult Run(
        string model, IBoosterTrainer trainer, TrainingPolicy policy, FeatureFrame frame, IReadOnlyList<(RobustScaler Scaler, LabeledEvent[] Train, double[] Weights)> folds, int seed,
        Action<int, Action<int>> forEachFold, Action<int> trialDone, CancellationToken cancellationToken)
    {
        HyperparameterSearchOptions options = policy.HyperparameterSearch;
        var study = new Study(
            options.Space(policy.Booster),
            new TpeSampler(new TpeOptions { StartupTrials = options.StartupTrials }, seed),
            new StudyOptions { MaxTrials = options.MaxTrials, Patience = options.Patience, Direction = StudyDirection.Minimize });
        StudyResult result = study.Optimize(trial =>
        {
            BoosterParameters booster = HyperparameterSearchOptions.Apply(policy.Booster, trial.Parameters);
            double[] losses = new double[folds.Count];
            forEachFold(folds.Count, k => losses[k] = ValidationLogLoss(trainer, booster, policy, frame, folds[k], cancellationToken));
            for (int k = 0; k < losses.Length; k++)
            {
                trial.SetAttribute($"fold_{k}", losses[k]);
            }

            trialDone(trial.Number);
            return losses.Average();
        }, cancellationToken);
        BoosterParameters chosen = result.Best is { } best ? HyperparameterSearchOptions.Apply(policy.Booster, best.Parameters) : policy.Booster;
        return new HyperparameterSearchResult(model, result, chosen);
    }

    /// <summary>A fold's booster trained with <paramref name="booster"/>: the weighted log loss of its predictions on the fold's inner validation samples.</summary>
    internal static double ValidationLogLoss(
        IBoosterTrainer trainer, BoosterParameters booster, TrainingPolicy policy, FeatureFrame frame, (RobustScaler Scaler, LabeledEvent[] Train, double[] Weights) fold, CancellationToken cancellationToken)
    {
        BoosterTrainingResult trained = BoosterTraining.Train(trainer, booster, frame, fold.Scaler, fold.Train, fold.Weights, policy, null, cancellationToken);
        int first = BoosterTraining.FirstValidation(fold.Train.Length, policy);
        LabeledEvent[] validation = fold.Train[first..];
        double[] predictions = BoosterTraining.Score(trained.LoadModel(), frame, fold.Scaler, [.. validation.Select(e => e.T0)]);
        double[] labels = [.. validation.Select(e => (double)e.Label)];
        return ClassificationMetrics.LogLoss(labels, predictions, fold.Weights.AsSpan(first));
    }
}
