using Alpha.Configuration;
using System.Collections.Immutable;
using Alpha.Backtesting;
using Alpha.Boosting.Training;
using Alpha.Calibration;
using Alpha.CrossValidation;
using Alpha.Features;
using Alpha.Labeling;
using Alpha.MarketData;
using Alpha.Optimization;
using Alpha.Retraining;
using Alpha.Signals;
using Alpha.Sizing;

namespace Alpha.Training;

/// <summary>
/// Reads <c>core_policy.yaml</c>, <c>retrain_policy.yaml</c> and <c>backtest_policy.yaml</c> from a folder into a
/// <see cref="TrainingPolicy"/>. Every key is required and unknown keys are refused; each error names the file and
/// the key (<see cref="ConfigException"/>). The sample <c>configs/</c> folder documents every key.
/// </summary>
public static class PolicyLoader
{
    /// <summary>The policy file names.</summary>
    public const string CoreFile = "core_policy.yaml", RetrainFile = "retrain_policy.yaml", BacktestFile = "backtest_policy.yaml";

    /// <summary>Loads and validates the three policy files of <paramref name="directory"/>.</summary>
    /// <exception cref="ConfigException">A file is missing or invalid, or a key is missing, unknown or out of range.</exception>
    public static TrainingPolicy Load(string directory)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        ConfigNode core = ConfigNode.Load(directory, CoreFile), retrain = ConfigNode.Load(directory, RetrainFile), backtest = ConfigNode.Load(directory, BacktestFile);

        int seed = retrain.WholeNumber("seed");
        ConfigNode labels = core.Section("labels");
        (AdoptionCriteria adoption, BacktestOptions backtestOptions, ImmutableArray<StressScenarioSpec> stress) = ReadBacktest(backtest);
        var policy = new TrainingPolicy
        {
            Alignment = ReadAlignment(core.Section("alignment")),
            Features = ReadFeatures(core.Section("features"), out double clip),
            ScalerClip = clip,
            Reversion = ReadReversion(labels.Section("ai1")),
            Risk = ReadRisk(labels.Section("ai2")),
            Direction = Closed(labels.Section("direction"), n => new SpreadDirectionOptions { HorizonBars = n.WholeNumber("horizon_bars", 1, 10_000), Threshold = n.Number("threshold", double.Epsilon, 1e6) }),
            ThetaSearch = ReadTheta(core.Section("theta"), seed, adoption.MinTradesPerYearPerPair, out Theta initial),
            InitialTheta = initial,
            CrossValidation = ReadCrossValidation(retrain.Section("cross_validation"), out double validationFraction),
            ValidationFraction = validationFraction,
            ClassWeightCap = Closed(retrain.Section("sample_weights"), n => n.Number("class_weight_cap")),
            Booster = ReadBooster(retrain, seed, out BoosterTrainingOptions rounds, out int parallel),
            ParallelTrainings = parallel,
            Rounds = rounds,
            Seed = seed,
            Calibration = Closed(retrain.Section("calibration"), n => n.Text("method", "isotonic", "sigmoid")) == "isotonic" ? CalibrationMethod.Isotonic : CalibrationMethod.Sigmoid,
            KeepVersions = Closed(retrain.Section("retention"), n => n.WholeNumber("keep_versions")),
            AutoDeploy = Closed(retrain.Section("registry"), n => n.Bool("auto_deploy")),
            Retraining = Closed(retrain.Section("schedule"), ReadSchedule),
            HyperparameterSearch = Closed(retrain.Section("hyperparameter_search"), ReadHyperparameterSearch),
            Backtest = backtestOptions,
            Adoption = adoption,
            Stress = stress,
        };

        labels.Close();
        core.Close();
        retrain.Close();
        backtest.Close();
        try
        {
            policy.Validate();
        }
        catch (ArgumentException e)
        {
            throw PolicyKeys.Locate(e, policy.Booster.Booster);
        }

        return policy;
    }

    private static PairAlignmentOptions ReadAlignment(ConfigNode n) => Closed(n, new PairAlignmentOptions
    {
        MaxFillBars = n.WholeNumber("max_fill_bars"),
        MaxGapBars = n.WholeNumberOrAuto("max_gap_bars"),
        OutlierSigmas = n.Number("outlier_sigmas"),
        OutlierWindow = n.WholeNumber("outlier_window"),
        OutlierMode = n.Text("outlier_mode", "lenient", "strict") == "strict" ? ValidationMode.Strict : ValidationMode.Lenient,
    });

    private static PairFeatureOptions ReadFeatures(ConfigNode n, out double clip)
    {
        clip = n.Number("scaler_clip");
        var options = new PairFeatureOptions
        {
            Window = n.WholeNumber("window"),
            ZEmaSpan = n.WholeNumber("z_ema_span"),
            SpeedSpan = n.WholeNumber("speed_span"),
            HalfLifeCapWindows = n.WholeNumber("half_life_cap_windows"),
            RhoVarianceWindow = n.WholeNumber("rho_variance_window"),
            BetaStabilityWindow = n.WholeNumber("beta_stability_window"),
            WilderPeriod = n.WholeNumber("wilder_period"),
            AtrRatioWindow = n.WholeNumber("atr_ratio_window"),
            EmaFastSpan = n.WholeNumber("ema_fast_span"),
            EmaSlowSpan = n.WholeNumber("ema_slow_span"),
            SlopeWindow = n.WholeNumber("slope_window"),
            DrawdownWindow = n.WholeNumber("drawdown_window"),
            RecomputeEvery = n.WholeNumber("recompute_every"),
        };
        return Closed(n, options);
    }

    private static ReversionLabelOptions ReadReversion(ConfigNode n)
    {
        var options = new ReversionLabelOptions
        {
            EntryZ = n.Number("entry_z"),
            EntryMaxZ = n.Number("entry_max_z"),
            ExitZ = n.Number("exit_z"),
            StopZ = n.Number("stop_z"),
            HorizonBars = n.WholeNumber("horizon_bars"),
            MaxSpeed = n.Threshold("max_speed"),
        };
        return Closed(n, options);
    }

    private static RiskLabelOptions ReadRisk(ConfigNode n)
    {
        (double low, double high) = n.Range("positive_rate_band");
        var options = new RiskLabelOptions
        {
            HorizonBars = n.WholeNumber("horizon_bars"),
            RhoVariance = n.Threshold("rho_var"),
            AtrRatio = n.Threshold("atr_ratio"),
            Speed = n.Threshold("speed"),
            Drawdown = n.Threshold("dd_recent"),
            MinPositiveRate = low,
            MaxPositiveRate = high,
        };
        return Closed(n, options);
    }

    private static ThetaSearchOptions ReadTheta(ConfigNode n, int seed, double minTradesPerYear, out Theta initial)
    {
        (double t1Low, double t1High) = n.Range("theta1_range");
        (double t2Low, double t2High) = n.Range("theta2_range");
        ConfigNode init = n.Section("initial"), objective = n.Section("objective"), stabilisation = n.Section("stabilisation"), bootstrap = n.Section("bootstrap"), adaptive = n.Section("adaptive_range");
        initial = new Theta(init.Number("theta1"), init.Number("theta2"));
        var options = new ThetaSearchOptions
        {
            MinTradesPerYear = minTradesPerYear,
            Theta1Low = t1Low,
            Theta1High = t1High,
            Theta2Low = t2Low,
            Theta2High = t2High,
            Step = n.Number("step"),
            GridPointsPerAxis = n.WholeNumber("grid_points_per_axis"),
            MaxTrials = n.WholeNumber("max_trials"),
            Patience = n.WholeNumber("patience"),
            Seed = seed,
            InSampleMargin = objective.Number("in_sample_margin"),
            DrawdownLimit = objective.Number("drawdown_limit"),
            DrawdownPenalty = objective.Number("drawdown_penalty"),
            FalsePositivePenalty = objective.Number("false_positive_penalty"),
            SmoothingWeight = stabilisation.Number("smoothing_weight"),
            MaxChange = stabilisation.Number("max_change"),
            BootstrapResamples = bootstrap.WholeNumber("resamples"),
            BootstrapBlock = bootstrap.WholeNumber("block"),
            BootstrapConfidence = bootstrap.Number("confidence"),
            AdaptiveRange = adaptive.Bool("enabled"),
            AdaptiveTheta1Quantiles = adaptive.Range("theta1_quantiles"),
            AdaptiveTheta2Quantiles = adaptive.Range("theta2_quantiles"),
            PassRateBand = n.Range("pass_rate_band"),
        };
        foreach (ConfigNode s in (ConfigNode[])[init, objective, stabilisation, bootstrap, adaptive])
        {
            s.Close();
        }

        return Closed(n, options);
    }

    private static PurgedKFoldOptions ReadCrossValidation(ConfigNode n, out double validationFraction)
    {
        validationFraction = n.Number("validation_fraction");
        var options = new PurgedKFoldOptions
        {
            Folds = n.WholeNumber("folds"),
            PurgeBars = n.WholeNumber("purge_bars"),
            EmbargoBars = n.WholeNumber("embargo_bars"),
            MinBlockBars = n.WholeNumber("min_block_bars"),
        };
        return Closed(n, options);
    }

    // `booster` names the booster; the section of that name holds its parameters, rounds and parallelism, and the
    // other booster's section may be absent.
    private static BoosterParameters ReadBooster(ConfigNode retrain, int seed, out BoosterTrainingOptions rounds, out int parallel)
    {
        string booster = retrain.Text("booster", "xgboost", "lightgbm");
        retrain.Ignore(booster == "xgboost" ? "lightgbm" : "xgboost");
        return booster == "xgboost"
            ? ReadXGBoost(retrain.Section(booster), seed, out rounds, out parallel)
            : ReadLightGbm(retrain.Section(booster), seed, out rounds, out parallel);
    }

    // The keys every booster's section has besides its parameters.
    private static BoosterTrainingOptions ReadRounds(ConfigNode n, out int parallel)
    {
        parallel = n.WholeNumber("parallel_trainings");
        return new BoosterTrainingOptions { MaxRounds = n.WholeNumber("max_rounds"), EarlyStoppingRounds = n.WholeNumber("early_stopping_rounds") };
    }

    private static LightGbmParameters ReadLightGbm(ConfigNode n, int seed, out BoosterTrainingOptions rounds, out int parallel)
    {
        rounds = ReadRounds(n, out parallel);
        return Closed(n, new LightGbmParameters
        {
            Objective = n.Text("objective", "binary"),
            LearningRate = n.Number("learning_rate"),
            NumLeaves = n.WholeNumber("num_leaves"),
            MaxDepth = n.WholeNumber("max_depth"),
            FeatureFraction = n.Number("feature_fraction"),
            BaggingFraction = n.Number("bagging_fraction"),
            BaggingFrequency = n.WholeNumber("bagging_freq"),
            MinDataInLeaf = n.WholeNumber("min_data_in_leaf"),
            LambdaL1 = n.Number("lambda_l1"),
            LambdaL2 = n.Number("lambda_l2"),
            Threads = n.WholeNumber("threads"),
            EvalMetric = n.Text("eval_metric", "binary_logloss", "auc"),
            Seed = seed,
        });
    }

    private static XGBoostParameters ReadXGBoost(ConfigNode n, int seed, out BoosterTrainingOptions rounds, out int parallel)
    {
        rounds = ReadRounds(n, out parallel);
        return Closed(n, new XGBoostParameters
        {
            Objective = n.Text("objective", "binary:logistic"),
            Eta = n.Number("eta"),
            MaxDepth = n.WholeNumber("max_depth"),
            Subsample = n.Number("subsample"),
            ColsampleByTree = n.Number("colsample_bytree"),
            MinChildWeight = n.Number("min_child_weight"),
            Lambda = n.Number("lambda"),
            Alpha = n.Number("alpha"),
            TreeMethod = n.Text("tree_method", "hist", "exact", "approx"),
            Threads = n.WholeNumber("threads"),
            EvalMetric = n.Text("eval_metric", "logloss", "auc", "error"),
            Seed = seed,
        });
    }

    private static (AdoptionCriteria, BacktestOptions, ImmutableArray<StressScenarioSpec>) ReadBacktest(ConfigNode n)
    {
        ConfigNode sizing = n.Section("sizing"), entry = n.Section("entry"), exits = n.Section("exits"), costs = n.Section("costs"), adoption = n.Section("adoption");
        var options = new BacktestOptions
        {
            StartingEquity = sizing.Number("starting_equity"),
            Rules = new TradingRules
            {
                RiskPerTrade = sizing.Number("risk_per_trade"),
                MaxLeverage = sizing.Number("max_leverage"),
                EntryZ = entry.Number("entry_z"),
                EntryMaxZ = entry.Number("entry_max_z"),
                ExitZ = exits.Number("exit_z"),
                StopZ = exits.Number("stop_z"),
                MaxHoldingBars = exits.WholeNumber("max_holding_bars"),
            },
            Costs = ReadCosts(costs),
        };
        var criteria = new AdoptionCriteria
        {
            MinSharpe = adoption.Number("min_sharpe"),
            MaxDrawdown = adoption.Number("max_drawdown"),
            MinTradesPerYear = adoption.Number("min_trades_per_year"),
            MinTradesPerYearPerPair = adoption.Number("min_trades_per_year_per_pair"),
            SharpeRetention = adoption.Number("sharpe_retention"),
            DrawdownSlack = adoption.Number("drawdown_slack"),
        };
        var stress = ImmutableArray.CreateBuilder<StressScenarioSpec>();
        foreach (ConfigNode s in n.Sections("stress"))
        {
            string kind = s.Text("kind", "cost_multiplier", "latency", "atr_noise", "correlation_collapse", "gap_events");
            stress.Add(kind switch
            {
                "cost_multiplier" => new StressScenarioSpec(kind, s.Number("factor", 0), 0, 0, 0),
                "latency" => new StressScenarioSpec(kind, s.WholeNumber("bars", 1), 0, 0, 0),
                "atr_noise" => new StressScenarioSpec(kind, s.Number("fraction_of_range", 0), 0, 0, s.WholeNumber("seed", 0)),
                "correlation_collapse" => new StressScenarioSpec(kind, 0, s.WholeNumber("length_bars", 1), s.Number("start_fraction", 0, 1), s.WholeNumber("seed", 0)),
                _ => new StressScenarioSpec(kind, s.Number("jump", 0), s.WholeNumber("count", 1), 0, s.WholeNumber("seed", 0)),
            });
            s.Close();
        }

        foreach (ConfigNode s in (ConfigNode[])[sizing, entry, exits, costs, adoption])
        {
            s.Close();
        }

        return (criteria, options, stress.ToImmutable());
    }

    private static CostModel ReadCosts(ConfigNode n)
    {
        CostSpec spec = SizingConfig.CostSpec(n);
        try
        {
            return new CostModel(spec);
        }
        catch (ArgumentException e)
        {
            throw n.Error(PolicyKeys.Snake(e.ParamName ?? ""), PolicyKeys.Problem(e));
        }
    }

    private static HyperparameterSearchOptions ReadHyperparameterSearch(ConfigNode n)
    {
        ConfigNode ranges = n.Section("ranges");
        var options = new HyperparameterSearchOptions
        {
            Enabled = n.Bool("enabled"),
            MaxTrials = n.WholeNumber("max_trials", 1, 1000),
            Patience = n.WholeNumber("patience", 1, 1000),
            StartupTrials = n.WholeNumber("startup_trials", 1, 1000),
            LearningRate = ranges.Range("learning_rate"),
            MaxDepth = WholeRange(ranges, "max_depth"),
            NumLeaves = WholeRange(ranges, "num_leaves"),
            FeatureFraction = ranges.Range("feature_fraction"),
            BaggingFraction = ranges.Range("bagging_fraction"),
            MinChildWeight = ranges.Range("min_child_weight"),
            MinDataInLeaf = WholeRange(ranges, "min_data_in_leaf"),
            L2 = ranges.Range("l2"),
        };
        try
        {
            options.Validate();
        }
        catch (ArgumentException e)
        {
            string key = PolicyKeys.Snake(e.ParamName ?? "");
            throw key is "max_trials" or "patience" or "startup_trials" ? n.Error(key, PolicyKeys.Problem(e)) : ranges.Error(key, PolicyKeys.Problem(e));
        }

        ranges.Close();
        return options;
    }

    private static (int Low, int High) WholeRange(ConfigNode n, string key)
    {
        (double low, double high) = n.Range(key, int.MinValue, int.MaxValue);
        return low == Math.Round(low) && high == Math.Round(high) ? ((int)low, (int)high) : throw n.Error(key, $"[{low}, {high}] is not a range of integers.");
    }

    private static RetrainPolicy ReadSchedule(ConfigNode n)
    {
        var policy = new RetrainPolicy(
            n.Text("retrain_cron"),
            n.Text("degradation_cron"),
            n.WholeNumber("retrain_retry_max", 0, 10),
            TimeSpan.FromMinutes(n.Number("retrain_retry_delay_minutes", 1, 7 * 24 * 60)),
            TimeSpan.FromSeconds(n.WholeNumber("heartbeat_timeout_seconds", 60, 24 * 3600)),
            n.WholeNumber("disable_after_failures", 1, 100));
        try
        {
            policy.Validate();
        }
        catch (ArgumentException e)
        {
            throw n.Error(e.ParamName ?? "retrain_cron", PolicyKeys.Problem(e));
        }

        return policy;
    }

    private static T Closed<T>(ConfigNode node, T value)
    {
        node.Close();
        return value;
    }

    private static T Closed<T>(ConfigNode node, Func<ConfigNode, T> read) => Closed(node, read(node));
}
