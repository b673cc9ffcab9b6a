using System.Collections.Immutable;
using Alpha.Backtesting;
using Alpha.Boosting.Training;
using Alpha.Calibration;
using Alpha.CrossValidation;
using Alpha.Features;
using Alpha.Labeling;
using Alpha.MarketData;
using Alpha.Optimization;
using Alpha.Sizing;

namespace Alpha.Training;

/// <summary>
/// Reads <c>core_policy.yaml</c>, <c>retrain_policy.yaml</c> and <c>backtest_policy.yaml</c> from a folder into a
/// <see cref="TrainingPolicy"/>. Every key is required and unknown keys are refused; each error names the file and
/// the key (<see cref="PolicyException"/>). The sample <c>configs/</c> folder documents every key.
/// </summary>
public static class PolicyLoader
{
    /// <summary>The policy file names.</summary>
    public const string CoreFile = "core_policy.yaml", RetrainFile = "retrain_policy.yaml", BacktestFile = "backtest_policy.yaml";

    /// <summary>Loads and validates the three policy files of <paramref name="directory"/>.</summary>
    /// <exception cref="PolicyException">A file is missing or invalid, or a key is missing, unknown or out of range.</exception>
    public static TrainingPolicy Load(string directory)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        PolicyNode core = PolicyNode.Load(directory, CoreFile), retrain = PolicyNode.Load(directory, RetrainFile), backtest = PolicyNode.Load(directory, BacktestFile);

        int seed = retrain.Int("seed", 0);
        PolicyNode labels = core.Section("labels");
        (AdoptionCriteria adoption, BacktestOptions backtestOptions, ImmutableArray<StressScenarioSpec> stress) = ReadBacktest(backtest);
        var policy = new TrainingPolicy
        {
            Alignment = ReadAlignment(core.Section("alignment")),
            Features = ReadFeatures(core.Section("features"), out double clip),
            ScalerClip = clip,
            Reversion = ReadReversion(labels.Section("ai1")),
            Risk = ReadRisk(labels.Section("ai2")),
            ThetaSearch = ReadTheta(core.Section("theta"), seed, adoption.MinTradesPerYearPerPair, out Theta initial),
            InitialTheta = initial,
            CrossValidation = ReadCrossValidation(retrain.Section("cross_validation"), out double validationFraction),
            ValidationFraction = validationFraction,
            ClassWeightCap = Closed(retrain.Section("sample_weights"), n => n.Double("class_weight_cap", 1)),
            Booster = ReadBooster(retrain, seed, out BoosterTrainingOptions rounds, out int parallel),
            ParallelTrainings = parallel,
            Rounds = rounds,
            Seed = seed,
            Calibration = Closed(retrain.Section("calibration"), n => n.String("method", "isotonic", "sigmoid")) == "isotonic" ? CalibrationMethod.Isotonic : CalibrationMethod.Sigmoid,
            KeepVersions = Closed(retrain.Section("retention"), n => n.Int("keep_versions", 5)),
            Backtest = backtestOptions,
            Adoption = adoption,
            Stress = stress,
        };

        labels.Close();
        core.Close();
        retrain.Close();
        backtest.Close();
        return policy;
    }

    private static T Validated<T>(PolicyNode node, Func<T> create)
    {
        try
        {
            return create();
        }
        catch (ArgumentException e)
        {
            throw new PolicyException(node.File, node.Path, e.Message);
        }
    }

    private static PairAlignmentOptions ReadAlignment(PolicyNode n) => Closed(n, new PairAlignmentOptions
    {
        MaxFillBars = n.Int("max_fill_bars", 0),
        MaxGapBars = n.IntOrAuto("max_gap_bars", 0),
        OutlierSigmas = n.Double("outlier_sigmas", 0),
        OutlierWindow = n.Int("outlier_window", 2),
        OutlierMode = n.String("outlier_mode", "lenient", "strict") == "strict" ? ValidationMode.Strict : ValidationMode.Lenient,
    });

    private static PairFeatureOptions ReadFeatures(PolicyNode n, out double clip)
    {
        clip = n.Double("scaler_clip", 0);
        var options = new PairFeatureOptions
        {
            Window = n.Int("window", 3),
            ZEmaSpan = n.Int("z_ema_span", 1),
            SpeedSpan = n.Int("speed_span", 1),
            HalfLifeCapWindows = n.Int("half_life_cap_windows", 1),
            RhoVarianceWindow = n.Int("rho_variance_window", 2),
            BetaStabilityWindow = n.Int("beta_stability_window", 2),
            WilderPeriod = n.Int("wilder_period", 1),
            AtrRatioWindow = n.Int("atr_ratio_window", 1),
            EmaFastSpan = n.Int("ema_fast_span", 1),
            EmaSlowSpan = n.Int("ema_slow_span", 1),
            SlopeWindow = n.Int("slope_window", 2),
            DrawdownWindow = n.Int("drawdown_window", 1),
            RecomputeEvery = n.Int("recompute_every", 1),
        };
        return Closed(n, Validated(n, () => { _ = new PairFeatureState(options); return options; }));
    }

    private static ReversionLabelOptions ReadReversion(PolicyNode n)
    {
        var options = new ReversionLabelOptions
        {
            EntryZ = n.Double("entry_z", 0),
            EntryMaxZ = n.Double("entry_max_z", 0),
            ExitZ = n.Double("exit_z", 0),
            StopZ = n.Double("stop_z", 0),
            HorizonBars = n.Int("horizon_bars", 1),
            MaxSpeed = n.Threshold("max_speed"),
        };
        return Closed(n, Validated(n, () => new ReversionLabeler(options).Options));
    }

    private static RiskLabelOptions ReadRisk(PolicyNode n)
    {
        (double low, double high) = n.Range("positive_rate_band", 0, 1);
        var options = new RiskLabelOptions
        {
            HorizonBars = n.Int("horizon_bars", 1),
            RhoVariance = n.Threshold("rho_var"),
            AtrRatio = n.Threshold("atr_ratio"),
            Speed = n.Threshold("speed"),
            Drawdown = n.Threshold("dd_recent"),
            MinPositiveRate = low,
            MaxPositiveRate = high,
        };
        return Closed(n, Validated(n, () => new RiskLabeler(options).Options));
    }

    private static ThetaSearchOptions ReadTheta(PolicyNode n, int seed, double minTradesPerYear, out Theta initial)
    {
        (double t1Low, double t1High) = n.Range("theta1_range", 0, 1);
        (double t2Low, double t2High) = n.Range("theta2_range", 0, 1);
        PolicyNode init = n.Section("initial"), objective = n.Section("objective"), stabilisation = n.Section("stabilisation"), bootstrap = n.Section("bootstrap"), adaptive = n.Section("adaptive_range");
        initial = new Theta(init.Double("theta1", 0, 1), init.Double("theta2", 0, 1));
        var options = new ThetaSearchOptions
        {
            MinTradesPerYear = minTradesPerYear,
            Theta1Low = t1Low,
            Theta1High = t1High,
            Theta2Low = t2Low,
            Theta2High = t2High,
            Step = n.Double("step", 1e-6, 1),
            GridPointsPerAxis = n.Int("grid_points_per_axis", 2),
            MaxTrials = n.Int("max_trials", 1),
            Patience = n.Int("patience", 1),
            Seed = seed,
            InSampleMargin = objective.Double("in_sample_margin", 1),
            DrawdownLimit = objective.Double("drawdown_limit", 0, 1),
            DrawdownPenalty = objective.Double("drawdown_penalty", 0),
            FalsePositivePenalty = objective.Double("false_positive_penalty", 0),
            SmoothingWeight = stabilisation.Double("smoothing_weight", 0, 1),
            MaxChange = stabilisation.Double("max_change", 0, 1),
            BootstrapResamples = bootstrap.Int("resamples", 10),
            BootstrapBlock = bootstrap.Int("block", 1),
            BootstrapConfidence = bootstrap.Double("confidence", 0.5, 0.9999),
            AdaptiveRange = adaptive.Bool("enabled"),
            AdaptiveTheta1Quantiles = adaptive.Range("theta1_quantiles", 0, 1),
            AdaptiveTheta2Quantiles = adaptive.Range("theta2_quantiles", 0, 1),
            PassRateBand = n.Range("pass_rate_band", 0, 1),
        };
        foreach (PolicyNode s in (PolicyNode[])[init, objective, stabilisation, bootstrap, adaptive])
        {
            s.Close();
        }

        return Closed(n, options);
    }

    private static PurgedKFoldOptions ReadCrossValidation(PolicyNode n, out double validationFraction)
    {
        validationFraction = n.Double("validation_fraction", 0.01, 0.5);
        var options = new PurgedKFoldOptions
        {
            Folds = n.Int("folds", 2),
            PurgeBars = n.Int("purge_bars", 0),
            EmbargoBars = n.Int("embargo_bars", 0),
            MinBlockBars = n.Int("min_block_bars", 1),
        };
        return Closed(n, Validated(n, () => new PurgedKFold(options).Options));
    }

    // `booster` names the booster; the section of that name holds its parameters, rounds and parallelism, and the
    // other booster's section may be absent.
    private static BoosterParameters ReadBooster(PolicyNode retrain, int seed, out BoosterTrainingOptions rounds, out int parallel)
    {
        string booster = retrain.String("booster", "xgboost", "lightgbm");
        retrain.Ignore(booster == "xgboost" ? "lightgbm" : "xgboost");
        return booster == "xgboost"
            ? ReadXGBoost(retrain.Section(booster), seed, out rounds, out parallel)
            : ReadLightGbm(retrain.Section(booster), seed, out rounds, out parallel);
    }

    // The keys every booster's section has besides its parameters.
    private static BoosterTrainingOptions ReadRounds(PolicyNode n, out int parallel)
    {
        parallel = n.Int("parallel_trainings", 0);
        return new BoosterTrainingOptions { MaxRounds = n.Int("max_rounds", 1), EarlyStoppingRounds = n.Int("early_stopping_rounds", 1) };
    }

    private static LightGbmParameters ReadLightGbm(PolicyNode n, int seed, out BoosterTrainingOptions rounds, out int parallel)
    {
        rounds = ReadRounds(n, out parallel);
        return Closed(n, new LightGbmParameters
        {
            Objective = n.String("objective", "binary"),
            LearningRate = n.Double("learning_rate", 1e-6, 1),
            NumLeaves = n.Int("num_leaves", 2, 131_072),
            MaxDepth = n.Int("max_depth", -1, 64),
            FeatureFraction = n.Double("feature_fraction", 1e-6, 1),
            BaggingFraction = n.Double("bagging_fraction", 1e-6, 1),
            BaggingFrequency = n.Int("bagging_freq", 0),
            MinDataInLeaf = n.Int("min_data_in_leaf", 0),
            LambdaL1 = n.Double("lambda_l1", 0),
            LambdaL2 = n.Double("lambda_l2", 0),
            Threads = n.Int("threads", 0),
            EvalMetric = n.String("eval_metric", "binary_logloss", "auc"),
            Seed = seed,
        });
    }

    private static XGBoostParameters ReadXGBoost(PolicyNode n, int seed, out BoosterTrainingOptions rounds, out int parallel)
    {
        rounds = ReadRounds(n, out parallel);
        return Closed(n, new XGBoostParameters
        {
            Objective = n.String("objective", "binary:logistic"),
            Eta = n.Double("eta", 1e-6, 1),
            MaxDepth = n.Int("max_depth", 1, 20),
            Subsample = n.Double("subsample", 1e-6, 1),
            ColsampleByTree = n.Double("colsample_bytree", 1e-6, 1),
            MinChildWeight = n.Double("min_child_weight", 0),
            Lambda = n.Double("lambda", 0),
            Alpha = n.Double("alpha", 0),
            TreeMethod = n.String("tree_method", "hist", "exact", "approx"),
            Threads = n.Int("threads", 0),
            EvalMetric = n.String("eval_metric", "logloss", "auc", "error"),
            Seed = seed,
        });
    }

    private static (AdoptionCriteria, BacktestOptions, ImmutableArray<StressScenarioSpec>) ReadBacktest(PolicyNode n)
    {
        PolicyNode sizing = n.Section("sizing"), entry = n.Section("entry"), exits = n.Section("exits"), costs = n.Section("costs"), adoption = n.Section("adoption");
        var options = new BacktestOptions
        {
            StartingEquity = sizing.Double("starting_equity", 1),
            RiskPerTrade = sizing.Double("risk_per_trade", 1e-9, 1),
            MaxLeverage = sizing.Double("max_leverage", 1e-9),
            EntryZ = entry.Double("entry_z", 0),
            EntryMaxZ = entry.Double("entry_max_z", 0),
            ExitZ = exits.Double("exit_z", 0),
            StopZ = exits.Double("stop_z", 0),
            MaxHoldingBars = exits.Int("max_holding_bars", 1),
            Costs = new CostModel(new CostSpec
            {
                CommissionBps = costs.Double("commission_bps", 0),
                SpreadBps = costs.Double("spread_bps", 0),
                SlippageBps = costs.Double("slippage_bps", 0),
                SwapBpsPerDay = costs.Double("swap_bps_per_day"),
            }),
        };
        var criteria = new AdoptionCriteria
        {
            MinSharpe = adoption.Double("min_sharpe"),
            MaxDrawdown = adoption.Double("max_drawdown", 0, 1),
            MinTradesPerYear = adoption.Double("min_trades_per_year", 0),
            MinTradesPerYearPerPair = adoption.Double("min_trades_per_year_per_pair", 0),
            SharpeRetention = adoption.Double("sharpe_retention", 0),
            DrawdownSlack = adoption.Double("drawdown_slack", 0, 1),
        };
        var stress = ImmutableArray.CreateBuilder<StressScenarioSpec>();
        foreach (PolicyNode s in n.Sections("stress"))
        {
            string kind = s.String("kind", "cost_multiplier", "latency", "atr_noise", "correlation_collapse", "gap_events");
            stress.Add(kind switch
            {
                "cost_multiplier" => new StressScenarioSpec(kind, s.Double("factor", 0), 0, 0, 0),
                "latency" => new StressScenarioSpec(kind, s.Int("bars", 1), 0, 0, 0),
                "atr_noise" => new StressScenarioSpec(kind, s.Double("fraction_of_range", 0), 0, 0, s.Int("seed", 0)),
                "correlation_collapse" => new StressScenarioSpec(kind, 0, s.Int("length_bars", 1), s.Double("start_fraction", 0, 1), s.Int("seed", 0)),
                _ => new StressScenarioSpec(kind, s.Double("jump", 0), s.Int("count", 1), 0, s.Int("seed", 0)),
            });
            s.Close();
        }

        foreach (PolicyNode s in (PolicyNode[])[sizing, entry, exits, costs, adoption])
        {
            s.Close();
        }

        if (options.EntryMaxZ < options.EntryZ || options.StopZ <= options.EntryMaxZ || options.ExitZ >= options.EntryZ)
        {
            throw new PolicyException(n.File, "exits", $"need exit_z < entry_z ≤ entry_max_z < stop_z; got {options.ExitZ}, {options.EntryZ}, {options.EntryMaxZ}, {options.StopZ}.");
        }

        return (criteria, options, stress.ToImmutable());
    }

    private static T Closed<T>(PolicyNode node, T value)
    {
        node.Close();
        return value;
    }

    private static T Closed<T>(PolicyNode node, Func<PolicyNode, T> read) => Closed(node, read(node));
}
