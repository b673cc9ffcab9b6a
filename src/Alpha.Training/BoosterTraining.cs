using Alpha.Boosting;
using Alpha.Boosting.Training;
using Alpha.Features;
using Alpha.Labeling;

namespace Alpha.Training;

/// <summary>Scaled sample matrices, booster training with an inner validation set, and scoring.</summary>
internal static class BoosterTraining
{
    /// <summary>
    /// Trains <paramref name="booster"/> on <paramref name="samples"/> (bar order). With <paramref name="rounds"/> null, the latest
    /// validation-fraction of the samples is held out for early stopping and the rest, purged against it, is trained
    /// on; otherwise all samples are trained for exactly that many rounds.
    /// </summary>
    public static BoosterTrainingResult Train(
        IBoosterTrainer trainer, BoosterParameters booster, FeatureFrame frame, RobustScaler scaler, IReadOnlyList<LabeledEvent> samples, double[] weights, TrainingPolicy policy, int? rounds, CancellationToken cancellationToken)
    {
        if (samples.Count < 2)
        {
            throw new TrainingDataException($"Only {samples.Count} training sample(s): too little data to train a booster.");
        }

        if (rounds is int fixedRounds)
        {
            BoosterDataset all = Dataset(frame, scaler, samples, weights, 0, samples.Count);
            return trainer.Train(all, null, booster, new BoosterTrainingOptions { MaxRounds = fixedRounds, EarlyStoppingRounds = null }, cancellationToken: cancellationToken);
        }

        int firstValidation = FirstValidation(samples.Count, policy);
        int validation = samples.Count - firstValidation;
        int validationStart = samples[firstValidation].T0 - policy.CrossValidation.PurgeBars;
        // Purged against the validation set: only samples whose label ends before its (widened) start.
        var trainIndex = new List<int>(firstValidation);
        for (int i = 0; i < firstValidation; i++)
        {
            if (samples[i].T1 < validationStart)
            {
                trainIndex.Add(i);
            }
        }

        if (trainIndex.Count < 2)
        {
            throw new TrainingDataException($"After holding out {validation} validation samples and purging, {trainIndex.Count} remain to train on.");
        }

        LabeledEvent[] trainSamples = [.. trainIndex.Select(i => samples[i])];
        double[] trainWeights = [.. trainIndex.Select(i => weights[i])];
        BoosterDataset train = Dataset(frame, scaler, trainSamples, trainWeights, 0, trainSamples.Length);
        // Weighted as the objective is: early stopping judges the same weighted loss the rounds minimise.
        BoosterDataset valid = Dataset(frame, scaler, samples, weights, firstValidation, samples.Count);
        return trainer.Train(train, valid, booster, policy.Rounds, cancellationToken: cancellationToken);
    }

    /// <summary>The first of the inner validation samples: the latest validation-fraction of <paramref name="count"/> samples (at least one).</summary>
    public static int FirstValidation(int count, TrainingPolicy policy) => count - Math.Max(1, (int)Math.Ceiling(policy.ValidationFraction * count));

    /// <summary>The booster's probability at each bar, on features scaled by <paramref name="scaler"/>.</summary>
    public static double[] Score(BoostedTreeModel model, FeatureFrame frame, RobustScaler scaler, IReadOnlyList<int> bars)
    {
        var scores = new double[bars.Count];
        Span<double> row = stackalloc double[FeatureNames.Count];
        for (int k = 0; k < bars.Count; k++)
        {
            ScaledRow(frame, scaler, bars[k], row);
            scores[k] = model.Predict(row);
        }

        return scores;
    }

    /// <summary>
    /// A bar's model inputs as the boosters see them: the 17 features of a frame row,
    /// <see cref="RobustScaler.TransformForBooster"/>.
    /// </summary>
    public static void ScaledRow(FeatureFrame frame, RobustScaler scaler, int bar, Span<double> row)
    {
        Span<double> raw = stackalloc double[FeatureNames.Count];
        frame.CopyRow(bar, raw);
        scaler.TransformForBooster(raw, row);
    }

    private static BoosterDataset Dataset(FeatureFrame frame, RobustScaler scaler, IReadOnlyList<LabeledEvent> samples, double[]? weights, int from, int to)
    {
        int columns = FeatureNames.Count, rows = to - from;
        var x = new float[rows * columns];
        var y = new float[rows];
        var w = weights is null ? [] : new float[rows];
        Span<double> scaled = stackalloc double[columns];
        for (int k = 0; k < rows; k++)
        {
            LabeledEvent e = samples[from + k];
            ScaledRow(frame, scaler, e.T0, scaled);
            for (int f = 0; f < columns; f++)
            {
                x[(k * columns) + f] = (float)scaled[f];
            }

            y[k] = e.Label;
            if (weights is not null)
            {
                w[k] = (float)weights[from + k];
            }
        }

        return BoosterDataset.Create(x, columns, y, w);
    }
}
