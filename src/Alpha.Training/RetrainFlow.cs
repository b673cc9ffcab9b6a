using System.Collections.Immutable;
using Alpha.Backtesting;
using Alpha.Boosting;
using Alpha.Boosting.Training;
using Alpha.Calibration;
using Alpha.CrossValidation;
using Alpha.Features;
using Alpha.Labeling;
using Alpha.MarketData;
using Alpha.Optimization;
using Alpha.Registry;

namespace Alpha.Training;

/// <summary>
/// The retrain flow of DESIGN.md § 5 in one call: alignment and data quality → features → AI1/AI2 labels → purged
/// K-fold (per fold: thresholds and scaler on its training bars, AI1 and AI2 boosters with early stopping on an inner
/// validation set and uniqueness × class weights, out-of-fold scores) → calibrators on the out-of-fold scores with
/// cross-fitted metrics → final boosters on every sample with the folds' median best round count → θ search on the
/// cross-fitted scores → backtest at θ and stress scenarios → adoption → artifacts (in memory; see
/// <see cref="ModelStore"/>). Deterministic: the same data, policy and seed give byte-identical artifacts.
/// </summary>
public sealed class RetrainFlow
{
    private readonly TimeProvider _time;
    private readonly IBoosterTrainer _trainer;

    /// <summary>Creates the flow.</summary>
    /// <param name="policy">Every setting (see <see cref="PolicyLoader"/>).</param>
    /// <param name="trainers">The boosters the host registered; the flow trains with the one the policy names (<see cref="TrainingPolicy.Booster"/>).</param>
    /// <param name="timeProvider">Clock for stage timings; the system clock when null.</param>
    /// <exception cref="ArgumentException">The policy does not validate (<see cref="TrainingPolicy.Validate"/>), or no registered trainer has its booster name.</exception>
    public RetrainFlow(TrainingPolicy policy, IEnumerable<IBoosterTrainer> trainers, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(trainers);
        policy.Validate();
        Policy = policy;
        _trainer = TrainingJobs.Trainer(trainers, policy.Booster.Booster, "The policy");
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <summary>The settings.</summary>
    public TrainingPolicy Policy { get; }

    /// <summary>Runs the flow.</summary>
    /// <param name="data">The two legs.</param>
    /// <param name="deployed">The model in service (θ and backtest for stabilisation and adoption), or null.</param>
    /// <param name="progress">Receives each stage's start and end.</param>
    /// <param name="cancellationToken">Checked between stages, between XGBoost rounds and between θ trials.</param>
    /// <exception cref="TrainingDataException">Too little data for the folds, a class or a booster.</exception>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    public RetrainResult Run(PairDataset data, DeployedModel? deployed = null, IProgress<RetrainProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        var stages = new StageClock(_time, progress, cancellationToken);

        (AlignedPair pair, FeatureFrame frame, int[] ready) = TrainingJobs.AlignAndCompute(stages, data, Policy);

        stages.Start(RetrainStage.Labels, "labelling and splitting");
        var riskLabeler = new RiskLabeler(Policy.Risk);
        var reversionLabeler = new ReversionLabeler(Policy.Reversion);
        RiskLabels allRisk = riskLabeler.Label(frame, ready);
        ReversionLabels allReversion = reversionLabeler.Label(frame, ready);
        Fold[] folds;
        try
        {
            folds = [.. new PurgedKFold(Policy.CrossValidation).Split(LabelEvents.Create([.. allRisk.Events.Select(e => e.T0)], [.. allRisk.Events.Select(e => e.T1)], frame.Count))];
        }
        catch (ArgumentException e)
        {
            throw new TrainingDataException($"Cannot form {Policy.CrossValidation.Folds} purged folds: {e.Message}");
        }

        stages.Done($"AI1 {allReversion.Events.Length} events, AI2 {allRisk.Events.Length} samples, {folds.Length} folds");

        // A fold's plan (labels, scaler, samples) is built by whichever job needs it first.
        Lazy<FoldPlan>[] plans = [.. folds.Select(f => new Lazy<FoldPlan>(() => Plan(frame, f, allRisk, riskLabeler, reversionLabeler)))];
        ImmutableArray<HyperparameterSearchResult> searches = Policy.HyperparameterSearch.Enabled ? SearchHyperparameters(stages, frame, plans, cancellationToken) : [];
        BoosterParameters[] boosters = searches.IsEmpty ? [Policy.Booster, Policy.Booster] : [searches[0].Parameters, searches[1].Parameters];

        stages.Start(RetrainStage.CrossValidation, "training the folds");
        // 2 × folds independent jobs, each a booster and its out-of-fold scores; the larger AI2 ones first so the last
        // to start are the short ones.
        var models = new BoosterTrainingResult[folds.Length, 2];
        var ai1Oof = new List<(int Bar, int Label, double Score)>[folds.Length];
        var ai2Oof = new List<(int Bar, int Label, double Score)>[folds.Length];
        (int Fold, int Model)[] jobs = [.. Enumerable.Range(0, folds.Length).Select(k => (k, 1)), .. Enumerable.Range(0, folds.Length).Select(k => (k, 0))];
        int finished = 0;
        Concurrently(jobs.Length, j =>
        {
            (int fold, int model) = jobs[j];
            FoldPlan plan = plans[fold].Value;
            (LabeledEvent[] train, double[] weights, LabeledEvent[] test) = model == 0
                ? (plan.Ai1Train, plan.Ai1Weights, plan.Ai1Test)
                : (plan.Ai2Train, plan.Ai2Weights, plan.Ai2Test);
            models[fold, model] = BoosterTraining.Train(_trainer, boosters[model], frame, plan.Scaler, train, weights, Policy, null, cancellationToken);
            (model == 0 ? ai1Oof : ai2Oof)[fold] = Scores(models[fold, model].LoadModel(), frame, plan.Scaler, test);
            lock (stages)
            {
                stages.Report((double)++finished / jobs.Length, $"{finished} of {jobs.Length} boosters trained");
            }
        }, cancellationToken);

        var reports = new FoldReport[folds.Length];
        for (int k = 0; k < folds.Length; k++)
        {
            FoldPlan p = plans[k].Value;
            BoosterTrainingResult model1 = models[k, 0], model2 = models[k, 1];
            reports[k] = new FoldReport(
                p.Fold.Index, p.Fold.TestSpans, [.. p.TrainingBars], p.Ai1Train.Length, p.Ai1Test.Length, p.Ai2Train.Length, p.Ai2Test.Length, p.Reversion.MaxSpeed,
                [.. p.Risk.Thresholds.Values], p.Scaler.Medians, p.Scaler.Scales, model1.BestIteration, model2.BestIteration, model1.Model, model2.Model);
        }

        stages.Done($"{folds.Length} folds trained");

        // The final boosters depend on the folds only (their round counts): they train on the other cores while
        // calibration, the θ search and the backtest run here, on one worker fewer than the folds had (the larger AI2
        // booster first), so this thread keeps a core.
        RobustScaler scaler = RobustScaler.Fit(frame, ready, Policy.ScalerClip);
        int rounds1 = TrainingJobs.MedianRounds(reports.Select(r => r.Ai1BestIteration)), rounds2 = TrainingJobs.MedianRounds(reports.Select(r => r.Ai2BestIteration));
        double[] weights1 = Weights(allReversion.Events, allReversion.Events, frame.Count), weights2 = Weights(allRisk.Events, allRisk.Events, frame.Count);
        var finals = new BoosterTrainingResult[2];
        TimeSpan finalElapsed = default;
        Analysis? analysis = null;
        // Either branch failing (or the caller cancelling) stops the other, so neither outlives Run and the first real
        // error is the one rethrown.
        using var branches = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        CancellationToken token = branches.Token;
        Concurrently(2, branch =>
        {
            try
            {
                if (branch == 0)
                {
                    long finalStart = _time.GetTimestamp();
                    (int Model, IReadOnlyList<LabeledEvent> Samples, double[] Weights, int Rounds)[] finalJobs =
                        [(1, allRisk.Events, weights2, rounds2), (0, allReversion.Events, weights1, rounds1)];
                    Concurrently(finalJobs.Length, j =>
                    {
                        (int model, IReadOnlyList<LabeledEvent> samples, double[] weights, int rounds) = finalJobs[j];
                        finals[model] = BoosterTraining.Train(_trainer, boosters[model], frame, scaler, samples, weights, Policy, rounds, token);
                    }, token, TrainingWorkers - 1);
                    finalElapsed = _time.GetElapsedTime(finalStart);
                }
                else
                {
                    analysis = Analyse(stages, pair, frame, ai1Oof, ai2Oof, deployed, token);
                }
            }
            catch
            {
                branches.Cancel();
                throw;
            }
        }, cancellationToken, workers: 2);

        (OutOfFoldCalibration calibration1, OutOfFoldCalibration calibration2, ScoredPair scored, ThetaSearchResult search, Theta theta, BacktestResult backtest, ImmutableArray<StressResult> stress) = analysis!;
        stages.Record(RetrainStage.FinalModels, finalElapsed, $"AI1 {rounds1} rounds, AI2 {rounds2} rounds");

        stages.Start(RetrainStage.Adoption, "deciding and packaging");
        AdoptionDecision adoption = AdoptionCheck.Evaluate(backtest.Summary, singlePair: true, deployed?.Baseline, Policy.Adoption);
        var schema = FeatureSchema.Create(Policy.Features, scaler);
        var artifacts = new ArtifactContent
        {
            Policy = Policy,
            Data = data,
            DataQuality = pair.Report,
            Times = [.. pair.Time],
            Schema = schema,
            BoosterFormat = _trainer.Format,
            Ai1Model = finals[0].Model,
            Ai2Model = finals[1].Model,
            Ai1Calibrator = calibration1.Calibrator,
            Ai2Calibrator = calibration2.Calibrator,
            Ai1Report = calibration1.Report,
            Ai2Report = calibration2.Report,
            Reversion = allReversion,
            Risk = allRisk,
            Folds = [.. reports],
            Ai1Rounds = rounds1,
            Ai2Rounds = rounds2,
            Theta = theta,
            Search = search,
            Backtest = backtest,
            Stress = stress,
            Adoption = adoption,
            Deployed = deployed,
            Drift = DriftReferences.Build(schema, scored, calibration1.Report, backtest, theta),
            Hyperparameters = searches,
        }.Build();
        stages.Done(adoption.Adopted ? "model adopted" : "model not adopted");

        return new RetrainResult(artifacts, pair.Report, calibration1.Report, calibration2.Report, [.. reports], scored, search, theta, backtest, stress, adoption, stages.Times)
        {
            HyperparameterSearches = searches,
        };
    }

    // AI1's search, then AI2's, each on the folds' training samples only (their inner validation sets score a trial).
    private ImmutableArray<HyperparameterSearchResult> SearchHyperparameters(StageClock stages, FeatureFrame frame, Lazy<FoldPlan>[] plans, CancellationToken cancellationToken)
    {
        stages.Start(RetrainStage.HyperparameterSearch, "searching booster parameters");
        var results = new HyperparameterSearchResult[2];
        for (int model = 0; model < 2; model++)
        {
            (RobustScaler, LabeledEvent[], double[])[] folds = [.. plans.Select(p => model == 0
                ? (p.Value.Scaler, p.Value.Ai1Train, p.Value.Ai1Weights)
                : (p.Value.Scaler, p.Value.Ai2Train, p.Value.Ai2Weights))];
            results[model] = HyperparameterSearch.Run(
                model == 0 ? "ai1" : "ai2", _trainer, Policy, frame, folds, Policy.Seed + model, (n, body) => Concurrently(n, body, cancellationToken),
                trial => stages.Report((model + ((trial + 1.0) / Policy.HyperparameterSearch.MaxTrials)) / 2, $"{(model == 0 ? "AI1" : "AI2")} trial {trial + 1}"),
                cancellationToken);
        }

        stages.Done($"AI1 log loss {results[0].Study.Best?.Value:F4}, AI2 log loss {results[1].Study.Best?.Value:F4}");
        return [.. results];
    }

    // Calibration, the θ search, the backtest at θ and the stress scenarios: what runs while the final boosters train.
    private Analysis Analyse(StageClock stages, AlignedPair pair, FeatureFrame frame, List<(int Bar, int Label, double Score)>[] ai1Oof, List<(int Bar, int Label, double Score)>[] ai2Oof, DeployedModel? deployed, CancellationToken cancellationToken)
    {
        stages.Start(RetrainStage.Calibration, "calibrating");
        OutOfFoldCalibration calibration1 = Calibrate(ai1Oof, "AI1");
        OutOfFoldCalibration calibration2 = Calibrate(ai2Oof, "AI2");
        stages.Done($"AI1 AUC {calibration1.Report.RocAuc:F3}, AI2 AUC {calibration2.Report.RocAuc:F3}");

        stages.Start(RetrainStage.ThetaSearch, "searching θ");
        ScoredPair scored = CrossFittedScores(pair, frame, ai1Oof, ai2Oof, calibration1, calibration2);
        ThetaSearchResult search = scored.SearchTheta(Policy.PairThetaSearch, deployed?.Theta, cancellationToken);
        Theta theta = search.Chosen ?? deployed?.Theta ?? Policy.InitialTheta;
        stages.Done($"θ = ({theta.Theta1:F2}, {theta.Theta2:F2}) after {search.Trials.Length} evaluations");

        stages.Start(RetrainStage.Backtest, "backtesting at θ");
        BacktestResult backtest = scored.Backtest(theta);
        stages.Done($"Sharpe {backtest.Summary.Sharpe:F2}, MaxDD {backtest.Summary.MaxDrawdown:P1}, {backtest.Summary.TradesPerYear:F1} trades/year");

        stages.Start(RetrainStage.Stress, "stress scenarios");
        ImmutableArray<StressResult> stress = scored.Stress(theta, [StressScenario.Baseline, .. Policy.Stress.Select(s => s.Build(frame.Count))]);
        stages.Done($"{stress.Length} scenarios");
        return new Analysis(calibration1, calibration2, scored, search, theta, backtest, stress);
    }

    private FoldPlan Plan(FeatureFrame frame, Fold fold, RiskLabels allRisk, RiskLabeler riskLabeler, ReversionLabeler reversionLabeler)
    {
        int[] trainingBars = [.. fold.Train.Select(i => allRisk.Events[i].T0)];
        var testBars = new HashSet<int>(fold.Test.Select(i => allRisk.Events[i].T0));
        RiskLabels risk = riskLabeler.Label(frame, trainingBars);
        ReversionLabels reversion = reversionLabeler.Label(frame, trainingBars);
        RobustScaler scaler = RobustScaler.Fit(frame, trainingBars, Policy.ScalerClip);

        // AI2: one sample per bar, the same bars as the fold structure; the labels use this fold's thresholds.
        LabeledEvent[] ai2Train = [.. fold.Train.Select(i => risk.Events[i])];
        LabeledEvent[] ai2Test = [.. fold.Test.Select(i => risk.Events[i])];

        // AI1: this fold's events, purged and embargoed against the fold's test spans with their own intervals.
        int purge = Policy.CrossValidation.PurgeBars, embargo = Policy.CrossValidation.EmbargoBars;
        var trainingSet = new HashSet<int>(trainingBars);
        LabeledEvent[] ai1Train = [.. reversion.Events.Where(e => trainingSet.Contains(e.T0) && !fold.TestSpans.Any(s => s.Excludes(e.T0, e.T1, purge, embargo)))];
        LabeledEvent[] ai1Test = [.. reversion.Events.Where(e => testBars.Contains(e.T0))];
        return new FoldPlan(fold, trainingBars, risk, reversion, scaler,
            ai1Train, ai1Test, Weights(ai1Train, reversion.Events, frame.Count), ai2Train, ai2Test, Weights(ai2Train, risk.Events, frame.Count));
    }

    private static List<(int Bar, int Label, double Score)> Scores(BoostedTreeModel model, FeatureFrame frame, RobustScaler scaler, LabeledEvent[] samples)
    {
        double[] scores = BoosterTraining.Score(model, frame, scaler, [.. samples.Select(e => e.T0)]);
        return [.. samples.Select((e, i) => (e.T0, e.Label, scores[i]))];
    }

    private double[] Weights(IReadOnlyList<LabeledEvent> samples, IReadOnlyList<LabeledEvent> all, int bars)
    {
        if (samples.Select(e => e.Label).Distinct().Count() < 2)
        {
            throw new TrainingDataException($"The training samples hold only label {(samples.Count == 0 ? "(none)" : samples[0].Label)}: both classes are needed.");
        }

        return SampleWeights.UniquenessTimesClass(samples, all, bars, Policy.ClassWeightCap);
    }

    private OutOfFoldCalibration Calibrate(List<(int Bar, int Label, double Score)>[] oof, string model)
    {
        double[] scores = [.. oof.SelectMany(f => f.Select(s => s.Score))];
        double[] labels = [.. oof.SelectMany(f => f.Select(s => (double)s.Label))];
        var folds = new List<IReadOnlyList<int>>();
        int offset = 0;
        foreach (List<(int Bar, int Label, double Score)> fold in oof)
        {
            folds.Add([.. Enumerable.Range(offset, fold.Count)]);
            offset += fold.Count;
        }

        try
        {
            return OutOfFoldCalibration.Fit(scores, labels, folds, Policy.Calibration);
        }
        catch (InvalidSampleException e)
        {
            throw new TrainingDataException($"{model} calibration: {e.Message}");
        }
    }

    // Each candidate bar's cross-fitted probabilities: fold k's scores calibrated by the other folds.
    private ScoredPair CrossFittedScores(AlignedPair pair, FeatureFrame frame, List<(int Bar, int Label, double Score)>[] ai1Oof, List<(int Bar, int Label, double Score)>[] ai2Oof, OutOfFoldCalibration c1, OutOfFoldCalibration c2)
    {
        double[] returnProbability = new double[frame.Count], riskScore = new double[frame.Count], riskAll = new double[frame.Count];
        returnProbability.AsSpan().Fill(double.NaN);
        riskAll.AsSpan().Fill(double.NaN);
        riskScore.AsSpan().Fill(double.NaN);
        int i = 0;
        foreach ((int bar, _, _) in ai2Oof.SelectMany(f => f))
        {
            riskAll[bar] = c2.CrossFittedProbabilities[i++];
        }

        i = 0;
        foreach ((int bar, _, _) in ai1Oof.SelectMany(f => f))
        {
            returnProbability[bar] = c1.CrossFittedProbabilities[i++];
            riskScore[bar] = riskAll[bar];
        }

        return new ScoredPair(PairMarket.From(pair), frame, returnProbability, riskScore, Policy.Backtest with { Rules = Policy.Backtest.Rules with { MaxSpeed = double.PositiveInfinity } });
    }

    // Boosters trained at once: the policy's count, or one per core.
    private int TrainingWorkers => TrainingJobs.Workers(Policy);

    // Boosters train concurrently (on up to `workers`, at least one), each with the policy's XGBoost threads: the
    // result does not depend on the schedule.
    private void Concurrently(int jobs, Action<int> body, CancellationToken cancellationToken, int? workers = null) =>
        TrainingJobs.Run(jobs, body, workers ?? TrainingWorkers, cancellationToken);

    private sealed record Analysis(OutOfFoldCalibration Calibration1, OutOfFoldCalibration Calibration2, ScoredPair Scored, ThetaSearchResult Search, Theta Theta, BacktestResult Backtest, ImmutableArray<StressResult> Stress);
}
