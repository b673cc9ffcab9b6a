using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Alpha.Boosting;
using Alpha.Boosting.Training;
using Alpha.CrossValidation;
using Alpha.Features;
using Alpha.Labeling;
using Alpha.MarketData;
using Alpha.Registry;

namespace Alpha.Training;

/// <summary>
/// Seed 001's direction model on the pair spread: alignment → the 17 features → 3-class labels of the entry-fixed
/// spread move over a horizon against ±threshold σ (<see cref="SpreadDirectionLabeler"/>) → purged K-fold (per fold:
/// scaler on its training bars, uniqueness × capped class weights, a LightGBM multiclass booster early-stopped on the
/// weighted multi_logloss of its inner validation set, out-of-fold probabilities) → cross-fitted metrics beside the
/// class-frequency baseline → the final booster on every sample for the folds' median round count → a version's
/// files (catalogue kind <see cref="DirectionParameters.KindName"/>). A prediction, not a trading signal. Deterministic for a seed.
/// </summary>
public sealed class DirectionFlow
{
    private const int Classes = 3;
    private readonly IBoosterTrainer _trainer;
    private readonly TimeProvider _time;

    /// <summary>Creates the flow.</summary>
    /// <param name="policy">Features, alignment, folds, rounds, class-weight cap, seed and <see cref="TrainingPolicy.Direction"/>.</param>
    /// <param name="trainers">The registered boosters: the flow trains with the one named <c>lightgbm</c>.</param>
    /// <param name="timeProvider">Clock for stage timings; the system clock when null.</param>
    /// <exception cref="ArgumentException">The policy does not validate, or no LightGBM trainer is registered.</exception>
    public DirectionFlow(TrainingPolicy policy, IEnumerable<IBoosterTrainer> trainers, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(trainers);
        policy.Validate();
        Policy = policy;
        _trainer = TrainingJobs.Trainer(trainers, "lightgbm", "The direction flow (LightGBM multiclass)");
        _time = timeProvider ?? TimeProvider.System;
        LightGbmParameters baseline = policy.Booster as LightGbmParameters ?? new LightGbmParameters { Threads = 1, Seed = policy.Seed };
        Booster = baseline with { Objective = "multiclass", NumClass = Classes, EvalMetric = "multi_logloss" };
    }

    /// <summary>The settings.</summary>
    public TrainingPolicy Policy { get; }

    /// <summary>
    /// The booster's parameters: the policy's LightGBM parameters when it trains LightGBM, else DESIGN.md § 5's LightGBM
    /// defaults (the sample <c>lightgbm</c> section) with the policy's seed — with the multiclass objective (3 classes) and
    /// <c>multi_logloss</c> early stopping.
    /// </summary>
    public LightGbmParameters Booster { get; }

    /// <summary>Runs the flow.</summary>
    /// <exception cref="TrainingDataException">Too little data for the folds, or a class missing from the labels.</exception>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    public DirectionResult Run(PairDataset data, IProgress<RetrainProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        var stages = new StageClock(_time, progress, cancellationToken);

        (AlignedPair pair, FeatureFrame frame, int[] ready) = TrainingJobs.AlignAndCompute(stages, data, Policy);

        stages.Start(RetrainStage.Labels, "labelling and splitting");
        ImmutableArray<LabeledEvent> events = SpreadDirectionLabeler.Label(frame, ready, Policy.Direction);
        int[] counts = [.. Enumerable.Range(0, Classes).Select(c => events.Count(e => e.Label == c))];
        if (counts.Any(c => c == 0))
        {
            throw new TrainingDataException($"The direction labels hold {counts[0]} down, {counts[1]} range and {counts[2]} up samples: every class is needed (widen or narrow direction.threshold).");
        }

        Fold[] folds;
        try
        {
            folds = [.. new PurgedKFold(Policy.CrossValidation).Split(LabelEvents.Create([.. events.Select(e => e.T0)], [.. events.Select(e => e.T1)], frame.Count))];
        }
        catch (ArgumentException e)
        {
            throw new TrainingDataException($"Cannot form {Policy.CrossValidation.Folds} purged folds: {e.Message}");
        }

        stages.Done($"{events.Length} samples ({counts[0]} down, {counts[1]} range, {counts[2]} up), {folds.Length} folds");

        stages.Start(RetrainStage.CrossValidation, "training the folds");
        var oof = new double[events.Length * Classes];
        var best = new int[folds.Length];
        int finished = 0;
        TrainingJobs.Run(folds.Length, k =>
        {
            Fold fold = folds[k];
            LabeledEvent[] train = [.. fold.Train.Select(i => events[i])];
            RobustScaler scaler = RobustScaler.Fit(frame, [.. train.Select(e => e.T0)], Policy.ScalerClip);
            double[] weights = SampleWeights.UniquenessTimesMulticlass(train, events, frame.Count, Classes, Policy.ClassWeightCap);
            BoosterTrainingResult trained = BoosterTraining.Train(_trainer, Booster, frame, scaler, train, weights, Policy, null, cancellationToken);
            best[k] = trained.BestIteration;
            Predict(trained.LoadModel(), frame, scaler, fold.Test, events, oof);
            lock (stages)
            {
                stages.Report((double)++finished / folds.Length, $"{finished} of {folds.Length} folds trained");
            }
        }, TrainingJobs.Workers(Policy), cancellationToken);
        stages.Done($"{folds.Length} folds trained");

        stages.Start(RetrainStage.Calibration, "cross-fitted metrics");
        DirectionMetrics metrics = DirectionMetrics.Compute([.. events.Select(e => e.Label)], oof);
        stages.Done($"log loss {metrics.LogLoss:F4} (baseline {metrics.BaselineLogLoss:F4})");

        stages.Start(RetrainStage.FinalModels, "training the final model");
        int rounds = TrainingJobs.MedianRounds(best);
        RobustScaler finalScaler = RobustScaler.Fit(frame, ready, Policy.ScalerClip);
        double[] finalWeights = SampleWeights.UniquenessTimesMulticlass(events, events, frame.Count, Classes, Policy.ClassWeightCap);
        BoosterTrainingResult final = BoosterTraining.Train(_trainer, Booster, frame, finalScaler, events, finalWeights, Policy, rounds, cancellationToken);
        stages.Done($"{rounds} rounds");

        stages.Start(RetrainStage.Adoption, "packaging");
        var schema = FeatureSchema.Create(Policy.Features, finalScaler);
        var files = ImmutableSortedDictionary.CreateBuilder<string, ImmutableArray<byte>>(StringComparer.Ordinal);
        files[ModelFiles.DirectionModel] = final.Model;
        files[ModelFiles.FeatureSchema] = ArtifactContent.Utf8(schema.CanonicalJson);
        files[ModelFiles.DirectionParams] = ArtifactContent.Utf8(new DirectionParameters(Policy.Direction.HorizonBars, Policy.Direction.Threshold, rounds, schema.Hash, Policy.Seed).ToYaml());
        files[ModelFiles.Metrics] = ArtifactContent.Json(w => WriteMetrics(w, metrics, folds, best, rounds));
        files[ModelFiles.DirectionOutOfFold] = ArtifactContent.Utf8(OutOfFoldCsv(pair, events, oof));
        files[ModelFiles.DataQuality] = ArtifactContent.Json(w => ArtifactContent.WriteDataQuality(w, pair.Report));
        files[ModelFiles.CodeHash] = ArtifactContent.Utf8(ArtifactContent.CodeHash + "\n");
        files[ModelFiles.Seed] = ArtifactContent.Utf8(Policy.Seed.ToString(CultureInfo.InvariantCulture) + "\n");
        stages.Done($"{files.Count} files");
        return new DirectionResult(files.ToImmutable(), pair.Report, metrics, rounds, stages.Times);
    }

    // The test samples' probabilities (down, range, up) into their rows of `oof`.
    private static void Predict(BoostedTreeModel model, FeatureFrame frame, RobustScaler scaler, IReadOnlyList<int> test, ImmutableArray<LabeledEvent> events, double[] oof)
    {
        Span<double> row = stackalloc double[FeatureNames.Count];
        foreach (int i in test)
        {
            BoosterTraining.ScaledRow(frame, scaler, events[i].T0, row);
            model.Predict(row, oof.AsSpan(i * Classes, Classes));
        }
    }

    private void WriteMetrics(Utf8JsonWriter w, DirectionMetrics m, Fold[] folds, int[] best, int rounds)
    {
        w.WriteString("kind", DirectionParameters.KindName);
        w.WriteNumber("horizon_bars", Policy.Direction.HorizonBars);
        w.WriteNumber("threshold", Policy.Direction.Threshold);
        w.WriteNumber("samples", m.Samples);
        w.WriteStartObject("class_counts");
        for (int c = 0; c < Classes; c++)
        {
            w.WriteNumber(DirectionMetrics.ClassNames[c], m.ClassCounts[c]);
        }

        w.WriteEndObject();
        w.WriteNumber("log_loss", m.LogLoss);
        w.WriteNumber("baseline_log_loss", m.BaselineLogLoss);
        w.WriteNumber("accuracy", m.Accuracy);
        w.WriteNumber("baseline_accuracy", m.BaselineAccuracy);
        w.WriteStartObject("auc_one_vs_rest");
        for (int c = 0; c < Classes; c++)
        {
            if (double.IsFinite(m.Auc[c]))
            {
                w.WriteNumber(DirectionMetrics.ClassNames[c], m.Auc[c]);
            }
            else
            {
                w.WriteNull(DirectionMetrics.ClassNames[c]);
            }
        }

        w.WriteEndObject();
        w.WriteStartArray("confusion_matrix");
        foreach (ImmutableArray<int> row in m.ConfusionMatrix)
        {
            w.WriteStartArray();
            foreach (int count in row)
            {
                w.WriteNumberValue(count);
            }

            w.WriteEndArray();
        }

        w.WriteEndArray();
        w.WriteNumber("rounds", rounds);
        w.WriteStartArray("folds");
        for (int k = 0; k < folds.Length; k++)
        {
            w.WriteStartObject();
            w.WriteNumber("index", folds[k].Index);
            w.WriteNumber("train", folds[k].Train.Length);
            w.WriteNumber("test", folds[k].Test.Length);
            w.WriteNumber("best_iteration", best[k]);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartObject("booster");
        foreach ((string key, string value) in Booster.ToNative())
        {
            w.WriteString(key, value);
        }

        w.WriteEndObject();
    }

    private static string OutOfFoldCsv(AlignedPair pair, ImmutableArray<LabeledEvent> events, double[] oof)
    {
        var s = new StringBuilder("bar_time,label,p_down,p_range,p_up\n");
        for (int i = 0; i < events.Length; i++)
        {
            s.Append(CultureInfo.InvariantCulture, $"{pair.Time[events[i].T0]:yyyy-MM-dd'T'HH:mm:ss'Z'},{DirectionMetrics.ClassNames[events[i].Label]},");
            s.Append(CultureInfo.InvariantCulture, $"{oof[i * Classes].ToString("R", CultureInfo.InvariantCulture)},{oof[(i * Classes) + 1].ToString("R", CultureInfo.InvariantCulture)},{oof[(i * Classes) + 2].ToString("R", CultureInfo.InvariantCulture)}\n");
        }

        return s.ToString();
    }
}
