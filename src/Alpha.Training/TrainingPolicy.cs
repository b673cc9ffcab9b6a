using System.Collections.Immutable;
using Alpha.Backtesting;
using Alpha.Boosting.Training;
using Alpha.Calibration;
using Alpha.CrossValidation;
using Alpha.Features;
using Alpha.Labeling;
using Alpha.MarketData;
using Alpha.Optimization;

namespace Alpha.Training;

/// <summary>
/// Every setting of the retrain flow, bound to the domain packages' options. <see cref="PolicyLoader.Load"/> reads
/// it from <c>core_policy.yaml</c>, <c>retrain_policy.yaml</c> and <c>backtest_policy.yaml</c> with every key
/// required; <see cref="Default"/> holds the documented defaults of DESIGN.md § 5 for library users and tests.
/// </summary>
public sealed record TrainingPolicy
{
    /// <summary>The documented defaults (the values the sample <c>configs/</c> files hold).</summary>
    public static TrainingPolicy Default { get; } = new();

    /// <summary>Pair alignment: fills, closures, splits, outliers (core_policy <c>alignment</c>).</summary>
    public PairAlignmentOptions Alignment { get; init; } = new();

    /// <summary>Feature windows (core_policy <c>features</c>).</summary>
    public PairFeatureOptions Features { get; init; } = new();

    /// <summary>Robust scaler clip, in scaled units (core_policy <c>features.scaler_clip</c>); default 5.</summary>
    public double ScalerClip { get; init; } = 5.0;

    /// <summary>AI1 labels (core_policy <c>labels.ai1</c>).</summary>
    public ReversionLabelOptions Reversion { get; init; } = new();

    /// <summary>AI2 labels (core_policy <c>labels.ai2</c>).</summary>
    public RiskLabelOptions Risk { get; init; } = new();

    /// <summary>
    /// θ search (core_policy <c>theta</c>). Its trade minimum is not a setting of its own: the flow searches with
    /// <see cref="PairThetaSearch"/>, whose minimum is the single-pair adoption minimum.
    /// </summary>
    public ThetaSearchOptions ThetaSearch { get; init; } = new() { MinTradesPerYear = 8 };

    /// <summary><see cref="ThetaSearch"/> with the trade minimum of a single-pair run, <see cref="AdoptionCriteria.MinTradesPerYearPerPair"/> (DESIGN.md § 5).</summary>
    public ThetaSearchOptions PairThetaSearch => ThetaSearch with { MinTradesPerYear = Adoption.MinTradesPerYearPerPair };

    /// <summary>The θ used when there is no previous model and no feasible θ (core_policy <c>theta.initial</c>).</summary>
    public Theta InitialTheta { get; init; } = new(0.70, 0.35);

    /// <summary>Purged K-fold (retrain_policy <c>cross_validation</c>).</summary>
    public PurgedKFoldOptions CrossValidation { get; init; } = new();

    /// <summary>Share of a fold's training samples (the latest) held out for early stopping; default 0.2.</summary>
    public double ValidationFraction { get; init; } = 0.2;

    /// <summary>Class-weight cap of the sample weights (larger : smaller); default 5.</summary>
    public double ClassWeightCap { get; init; } = 5.0;

    /// <summary>
    /// The booster and its parameters (retrain_policy <c>booster</c> names it, and the section of that name holds its
    /// parameters; the seed is <see cref="Seed"/>); XGBoost with 1 thread per booster by default. The flow trains with
    /// the registered <see cref="IBoosterTrainer"/> of that name.
    /// </summary>
    public BoosterParameters Booster { get; init; } = new XGBoostParameters { Threads = 1 };

    /// <summary>
    /// Boosters trained at once (folds, then the two final models); 0 = one per core. Each uses
    /// <see cref="BoosterParameters.Threads"/> threads, so keep threads × this ≈ cores. Default 0 with 1 thread per
    /// booster: the fastest on small data, and the models do not depend on the machine's core count
    /// (retrain_policy <c>parallel_trainings</c> in the booster's section).
    /// </summary>
    public int ParallelTrainings { get; init; }

    /// <summary>Rounds and early stopping (retrain_policy, the booster's section).</summary>
    public BoosterTrainingOptions Rounds { get; init; } = new();

    /// <summary>The run's seed: the boosters, the θ search and its bootstrap (retrain_policy <c>seed</c>); default 42.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>Calibrator kind (retrain_policy <c>calibration.method</c>); default isotonic.</summary>
    public CalibrationMethod Calibration { get; init; } = CalibrationMethod.Isotonic;

    /// <summary>Versions kept in the models folder (retrain_policy <c>retention.keep_versions</c>); at least 5.</summary>
    public int KeepVersions { get; init; } = 5;

    /// <summary>
    /// Whether an adopted version is approved and deployed by the retrain flow itself (retrain_policy
    /// <c>registry.auto_deploy</c>); default <see langword="false"/>: deploying is a person's audited act.
    /// </summary>
    public bool AutoDeploy { get; init; }

    /// <summary>
    /// When the retraining service retrains, how it retries and when it stops (<c>retrain_policy.yaml</c>, section
    /// <c>schedule</c>). Library default: seed 002's monthly cron <c>0 3 1 * *</c>, a daily degradation check at 00:30,
    /// 2 retries from 60 minutes, a 300 s heartbeat timeout, disabled after 2 failed runs.
    /// </summary>
    public Alpha.Retraining.RetrainPolicy Retraining { get; init; } = new("0 3 1 * *", "30 0 * * *", 2, TimeSpan.FromMinutes(60), TimeSpan.FromSeconds(300), 2);

    /// <summary>
    /// The optional hyper-parameter search before the folds train (retrain_policy <c>hyperparameter_search</c>); off by default.
    /// </summary>
    public HyperparameterSearchOptions HyperparameterSearch { get; init; } = new();

    /// <summary>The direction flow's labels (core_policy <c>direction</c>): horizon and threshold of the spread's move.</summary>
    public SpreadDirectionOptions Direction { get; init; } = new();

    /// <summary>Risk sizing, exits and costs of the backtest (backtest_policy).</summary>
    public BacktestOptions Backtest { get; init; } = new();

    /// <summary>Adoption criteria (backtest_policy <c>adoption</c>).</summary>
    public AdoptionCriteria Adoption { get; init; } = new();

    /// <summary>Stress scenarios run on the chosen θ (backtest_policy <c>stress</c>).</summary>
    public ImmutableArray<StressScenarioSpec> Stress { get; init; } =
    [
        new("cost_multiplier", 3.0, 0, 0, 0),
        new("latency", 1, 0, 0, 0),
        new("atr_noise", 0.5, 0, 0, 1),
        new("correlation_collapse", 0, 500, 0.5, 2),
        new("gap_events", 0.02, 5, 0, 3),
    ];

    /// <summary>
    /// Checks every setting: each domain package's options through its own <c>Validate</c> (where their ranges are
    /// defined), and this record's own values. <see cref="RetrainFlow"/> calls it; so does <see cref="PolicyLoader"/>,
    /// which turns the failure into an error naming the file and key.
    /// </summary>
    /// <exception cref="ArgumentException">
    /// A setting is out of range; <see cref="ArgumentException.ParamName"/> is its path in this record
    /// (e.g. <c>Features.Window</c>, <c>KeepVersions</c>).
    /// </exception>
    public void Validate()
    {
        Check(nameof(Alignment), Alignment.Validate);
        Check(nameof(Features), Features.Validate);
        Check(nameof(Reversion), Reversion.Validate);
        Check(nameof(Risk), Risk.Validate);
        Check(nameof(ThetaSearch), ThetaSearch.Validate);
        Check(nameof(CrossValidation), CrossValidation.Validate);
        Check(nameof(Booster), Booster.Validate);
        Check(nameof(HyperparameterSearch), HyperparameterSearch.Validate);
        Check(nameof(Direction), Direction.Validate);
        Check(nameof(Rounds), Rounds.Validate);
        Check(nameof(Backtest), Backtest.Validate);
        Check(nameof(Adoption), Adoption.Validate);
        Require(double.IsFinite(ScalerClip) && ScalerClip > 0, nameof(ScalerClip), "must be a positive finite number");
        Require(ValidationFraction >= 0.01 && ValidationFraction <= 0.5, nameof(ValidationFraction), "must lie in [0.01, 0.5]");
        Require(double.IsFinite(ClassWeightCap) && ClassWeightCap >= 1, nameof(ClassWeightCap), "must be a finite number ≥ 1");
        Require(ParallelTrainings >= 0, nameof(ParallelTrainings), "must be 0 (one per core) or more");
        Require(Seed >= 0, nameof(Seed), "must be 0 or more");
        Require(KeepVersions >= 5, nameof(KeepVersions), "must be at least 5");
        Require(InitialTheta.Theta1 is >= 0 and <= 1, $"{nameof(InitialTheta)}.{nameof(Theta.Theta1)}", "must lie in [0, 1]");
        Require(InitialTheta.Theta2 is >= 0 and <= 1, $"{nameof(InitialTheta)}.{nameof(Theta.Theta2)}", "must lie in [0, 1]");
    }

    private static void Check(string owner, Action validate)
    {
        try
        {
            validate();
        }
        catch (ArgumentException e)
        {
            string property = e.ParamName ?? "";
            string message = e.Message.Replace($" (Parameter '{e.ParamName}')", "", StringComparison.Ordinal).ReplaceLineEndings(" ");
            throw new ArgumentException(message, property.Length == 0 ? owner : $"{owner}.{property}", e);
        }
    }

    private static void Require(bool valid, string property, string problem)
    {
        if (!valid)
        {
            throw new ArgumentException($"{property} {problem}.", property);
        }
    }
}
