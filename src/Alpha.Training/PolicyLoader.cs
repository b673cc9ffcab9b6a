using System.Collections.Immutable;
using Alpha.Backtesting;
using Alpha.Boosting.Training;
using Alpha.Calibration;
using Alpha.CrossValidation;
using Alpha.Features;
using Alpha.Labeling;
using Alpha.MarketData;
using Alpha.Optimization;
using Alpha.Signals;
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

        int seed = retrain.Int("seed");
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
            ClassWeightCap = Closed(retrain.Section("sample_weights"), n => n.Double("class_weight_cap")),
            Booster = ReadBooster(retrain, seed, out BoosterTrainingOptions rounds, out int parallel),
            ParallelTrainings = parallel,
            Rounds = rounds,
            Seed = seed,
            Calibration = Closed(retrain.Section("calibration"), n => n.String("method", "isotonic", "sigmoid")) == "isotonic" ? CalibrationMethod.Isotonic : CalibrationMethod.Sigmoid,
            KeepVersions = Closed(retrain.Section("retention"), n => n.Int("keep_versions")),
            AutoDeploy = Closed(retrain.Section("registry"), n => n.Bool("auto_deploy")),
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

    private static PairAlignmentOptions ReadAlignment(PolicyNode n) => Closed(n, new PairAlignmentOptions
    {
        MaxFillBars = n.Int("max_fill_bars"),
        MaxGapBars = n.IntOrAuto("max_gap_bars"),
        OutlierSigmas = n.Double("outlier_sigmas"),
        OutlierWindow = n.Int("outlier_window"),
        OutlierMode = n.String("outlier_mode", "lenient", "strict") == "strict" ? ValidationMode.Strict : ValidationMode.Lenient,
    });

    private static PairFeatureOptions ReadFeatures(PolicyNode n, out double clip)
    {
        clip = n.Double("scaler_clip");
        var options = new PairFeatureOptions
        {
            Window = n.Int("window"),
            ZEmaSpan = n.Int("z_ema_span"),
            SpeedSpan = n.Int("speed_span"),
            HalfLifeCapWindows = n.Int("half_life_cap_windows"),
            RhoVarianceWindow = n.Int("rho_variance_window"),
            BetaStabilityWindow = n.Int("beta_stability_window"),
            WilderPeriod = n.Int("wilder_period"),
            AtrRatioWindow = n.Int("atr_ratio_window"),
            EmaFastSpan = n.Int("ema_fast_span"),
            EmaSlowSpan = n.Int("ema_slow_span"),
            SlopeWindow = n.Int("slope_window"),
            DrawdownWindow = n.Int("drawdown_window"),
            RecomputeEvery = n.Int("recompute_every"),
        };
        return Closed(n, options);
    }

    private static ReversionLabelOptions ReadReversion(PolicyNode n)
    {
        var options = new ReversionLabelOptions
        {
            EntryZ = n.Double("entry_z"),
            EntryMaxZ = n.Double("entry_max_z"),
            ExitZ = n.Double("exit_z"),
            StopZ = n.Double("stop_z"),
            HorizonBars = n.Int("horizon_bars"),
            MaxSpeed = n.Threshold("max_speed"),
        };
        return Closed(n, options);
    }

    private static RiskLabelOptions ReadRisk(PolicyNode n)
    {
        (double low, double high) = n.Range("positive_rate_band");
        var options = new RiskLabelOptions
        {
            HorizonBars = n.Int("horizon_bars"),
            RhoVariance = n.Threshold("rho_var"),
            AtrRatio = n.Threshold("atr_ratio"),
            Speed = n.Threshold("speed"),
            Drawdown = n.Threshold("dd_recent"),
            MinPositiveRate = low,
            MaxPositiveRate = high,
        };
        return Closed(n, options);
    }

    private static ThetaSearchOptions ReadTheta(PolicyNode n, int seed, double minTradesPerYear, out Theta initial)
    {
        (double t1Low, double t1High) = n.Range("theta1_range");
        (double t2Low, double t2High) = n.Range("theta2_range");
        PolicyNode init = n.Section("initial"), objective = n.Section("objective"), stabilisation = n.Section("stabilisation"), bootstrap = n.Section("bootstrap"), adaptive = n.Section("adaptive_range");
        initial = new Theta(init.Double("theta1"), init.Double("theta2"));
        var options = new ThetaSearchOptions
        {
            MinTradesPerYear = minTradesPerYear,
            Theta1Low = t1Low,
            Theta1High = t1High,
            Theta2Low = t2Low,
            Theta2High = t2High,
            Step = n.Double("step"),
            GridPointsPerAxis = n.Int("grid_points_per_axis"),
            MaxTrials = n.Int("max_trials"),
            Patience = n.Int("patience"),
            Seed = seed,
            InSampleMargin = objective.Double("in_sample_margin"),
            DrawdownLimit = objective.Double("drawdown_limit"),
            DrawdownPenalty = objective.Double("drawdown_penalty"),
            FalsePositivePenalty = objective.Double("false_positive_penalty"),
            SmoothingWeight = stabilisation.Double("smoothing_weight"),
            MaxChange = stabilisation.Double("max_change"),
            BootstrapResamples = bootstrap.Int("resamples"),
            BootstrapBlock = bootstrap.Int("block"),
            BootstrapConfidence = bootstrap.Double("confidence"),
            AdaptiveRange = adaptive.Bool("enabled"),
            AdaptiveTheta1Quantiles = adaptive.Range("theta1_quantiles"),
            AdaptiveTheta2Quantiles = adaptive.Range("theta2_quantiles"),
            PassRateBand = n.Range("pass_rate_band"),
        };
        foreach (PolicyNode s in (PolicyNode[])[init, objective, stabilisation, bootstrap, adaptive])
        {
            s.Close();
        }

        return Closed(n, options);
    }

    private static PurgedKFoldOptions ReadCrossValidation(PolicyNode n, out double validationFraction)
    {
        validationFraction = n.Double("validation_fraction");
        var options = new PurgedKFoldOptions
        {
            Folds = n.Int("folds"),
            PurgeBars = n.Int("purge_bars"),
            EmbargoBars = n.Int("embargo_bars"),
            MinBlockBars = n.Int("min_block_bars"),
        };
        return Closed(n, options);
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
        parallel = n.Int("parallel_trainings");
        return new BoosterTrainingOptions { MaxRounds = n.Int("max_rounds"), EarlyStoppingRounds = n.Int("early_stopping_rounds") };
    }

    private static LightGbmParameters ReadLightGbm(PolicyNode n, int seed, out BoosterTrainingOptions rounds, out int parallel)
    {
        rounds = ReadRounds(n, out parallel);
        return Closed(n, new LightGbmParameters
        {
            Objective = n.String("objective", "binary"),
            LearningRate = n.Double("learning_rate"),
            NumLeaves = n.Int("num_leaves"),
            MaxDepth = n.Int("max_depth"),
            FeatureFraction = n.Double("feature_fraction"),
            BaggingFraction = n.Double("bagging_fraction"),
            BaggingFrequency = n.Int("bagging_freq"),
            MinDataInLeaf = n.Int("min_data_in_leaf"),
            LambdaL1 = n.Double("lambda_l1"),
            LambdaL2 = n.Double("lambda_l2"),
            Threads = n.Int("threads"),
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
            Eta = n.Double("eta"),
            MaxDepth = n.Int("max_depth"),
            Subsample = n.Double("subsample"),
            ColsampleByTree = n.Double("colsample_bytree"),
            MinChildWeight = n.Double("min_child_weight"),
            Lambda = n.Double("lambda"),
            Alpha = n.Double("alpha"),
            TreeMethod = n.String("tree_method", "hist", "exact", "approx"),
            Threads = n.Int("threads"),
            EvalMetric = n.String("eval_metric", "logloss", "auc", "error"),
            Seed = seed,
        });
    }

    private static (AdoptionCriteria, BacktestOptions, ImmutableArray<StressScenarioSpec>) ReadBacktest(PolicyNode n)
    {
        PolicyNode sizing = n.Section("sizing"), entry = n.Section("entry"), exits = n.Section("exits"), costs = n.Section("costs"), adoption = n.Section("adoption");
        var options = new BacktestOptions
        {
            StartingEquity = sizing.Double("starting_equity"),
            Rules = new TradingRules
            {
                RiskPerTrade = sizing.Double("risk_per_trade"),
                MaxLeverage = sizing.Double("max_leverage"),
                EntryZ = entry.Double("entry_z"),
                EntryMaxZ = entry.Double("entry_max_z"),
                ExitZ = exits.Double("exit_z"),
                StopZ = exits.Double("stop_z"),
                MaxHoldingBars = exits.Int("max_holding_bars"),
            },
            Costs = ReadCosts(costs),
        };
        var criteria = new AdoptionCriteria
        {
            MinSharpe = adoption.Double("min_sharpe"),
            MaxDrawdown = adoption.Double("max_drawdown"),
            MinTradesPerYear = adoption.Double("min_trades_per_year"),
            MinTradesPerYearPerPair = adoption.Double("min_trades_per_year_per_pair"),
            SharpeRetention = adoption.Double("sharpe_retention"),
            DrawdownSlack = adoption.Double("drawdown_slack"),
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

        return (criteria, options, stress.ToImmutable());
    }

    private static CostModel ReadCosts(PolicyNode n)
    {
        var spec = new CostSpec
        {
            CommissionBps = n.Double("commission_bps"),
            SpreadBps = n.Double("spread_bps"),
            SlippageBps = n.Double("slippage_bps"),
            SwapBpsPerDay = n.Double("swap_bps_per_day"),
        };
        try
        {
            return new CostModel(spec);
        }
        catch (ArgumentException e)
        {
            throw n.Error(PolicyKeys.Snake(e.ParamName ?? ""), PolicyKeys.Problem(e));
        }
    }

    private static T Closed<T>(PolicyNode node, T value)
    {
        node.Close();
        return value;
    }

    private static T Closed<T>(PolicyNode node, Func<PolicyNode, T> read) => Closed(node, read(node));
}
