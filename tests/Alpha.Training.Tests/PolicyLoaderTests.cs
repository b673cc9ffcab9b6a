using Alpha.Configuration;
using Alpha.Boosting.Training;
using Alpha.Calibration;
using Alpha.Labeling;
using Alpha.MarketData;

namespace Alpha.Training.Tests;

public sealed class PolicyLoaderTests
{
    [Fact]
    public void SampleConfigs_HoldTheDocumentedDefaults()
    {
        TrainingPolicy loaded = PolicyLoader.Load(Configs.Folder), d = TrainingPolicy.Default;

        Assert.Equal(d.Alignment, loaded.Alignment);
        Assert.Equal(d.Features, loaded.Features);
        Assert.Equal(d.ScalerClip, loaded.ScalerClip);
        Assert.Equal(d.Reversion, loaded.Reversion);
        Assert.Equal(d.Risk, loaded.Risk);
        Assert.Equal(d.CrossValidation, loaded.CrossValidation);
        Assert.Equal(d.ValidationFraction, loaded.ValidationFraction);
        Assert.Equal(d.ClassWeightCap, loaded.ClassWeightCap);
        Assert.Equal(((XGBoostParameters)d.Booster) with { EvalMetric = "logloss" }, loaded.Booster);
        Assert.Equal(d.Rounds, loaded.Rounds);
        Assert.Equal(d.Seed, loaded.Seed);
        Assert.Equal(CalibrationMethod.Isotonic, loaded.Calibration);
        Assert.Equal(d.KeepVersions, loaded.KeepVersions);
        Assert.Equal(d.Adoption, loaded.Adoption);
        Assert.Equal(d.Stress.ToArray(), loaded.Stress.ToArray());
        Assert.Equal(d.InitialTheta, loaded.InitialTheta);
        Assert.Equal(d.ThetaSearch with { Tpe = loaded.ThetaSearch.Tpe }, loaded.ThetaSearch);
        Assert.Equal(d.Backtest.Costs.Defaults, loaded.Backtest.Costs.Defaults);
        Assert.Equal(d.Backtest with { Costs = loaded.Backtest.Costs }, loaded.Backtest);
        Assert.Equal(d.Retraining, loaded.Retraining);
        Assert.Equal(d.HyperparameterSearch, loaded.HyperparameterSearch);
        Assert.Equal(d.Direction, loaded.Direction);
    }

    [Theory]
    [InlineData("core_policy.yaml", "  window: 180\n", "", "features.window")]
    [InlineData("core_policy.yaml", "    horizon_bars: 12\n", "", "labels.ai2.horizon_bars")]
    [InlineData("retrain_policy.yaml", "  eta: 0.05\n", "", "xgboost.eta")]
    [InlineData("retrain_policy.yaml", "seed: 42\n", "", "seed")]
    [InlineData("backtest_policy.yaml", "  min_sharpe: 1.2\n", "", "adoption.min_sharpe")]
    [InlineData("core_policy.yaml", "    threshold: 0.5\n", "", "labels.direction.threshold")]
    [InlineData("retrain_policy.yaml", "  disable_after_failures: 2\n", "", "schedule.disable_after_failures")]
    public void MissingKey_IsAnErrorNamingFileAndKey(string file, string line, string replacement, string key)
    {
        string folder = Configs.CopyWith(file, text => Replace(text, line, replacement));

        ConfigException e = Assert.Throws<ConfigException>(() => PolicyLoader.Load(folder));

        Assert.Equal(file, e.File);
        Assert.Equal(key, e.Key);
        Assert.Contains("missing", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("core_policy.yaml", "  window: 180\n", "  window: 180\n  windw: 180\n", "features.windw", "unknown key")]
    [InlineData("core_policy.yaml", "  window: 180\n", "  window: lots\n", "features.window", "not an integer")]
    [InlineData("core_policy.yaml", "  theta1_range: [0.60, 0.85]\n", "  theta1_range: [0.85, 0.60]\n", "theta.theta1_range", "above high")]
    [InlineData("core_policy.yaml", "    max_speed: { quantile: 0.90 }\n", "    max_speed: { quantile: 0.90, value: 0.12 }\n", "labels.ai1.max_speed", "exactly one")]
    [InlineData("core_policy.yaml", "    max_speed: { quantile: 0.90 }\n", "    max_speed: { quantile: 1.5 }\n", "labels.ai1.max_speed.quantile", "must lie in [0, 1]")]
    [InlineData("retrain_policy.yaml", "  eta: 0.05\n", "  eta: .nan\n", "xgboost.eta", "not a finite number")]
    [InlineData("retrain_policy.yaml", "  method: isotonic\n", "  method: beta\n", "calibration.method", "not one of")]
    [InlineData("retrain_policy.yaml", "  keep_versions: 5\n", "  keep_versions: 2\n", "retention.keep_versions", "at least 5")]
    [InlineData("retrain_policy.yaml", "  auto_deploy: false\n", "  auto_deploy: sometimes\n", "registry.auto_deploy", "true or false")]
    [InlineData("retrain_policy.yaml", "  retrain_cron: \"0 3 1 * *\"\n", "  retrain_cron: \"monthly\"\n", "schedule.retrain_cron", "'monthly' is not a five-field cron expression")]
    [InlineData("retrain_policy.yaml", "  degradation_cron: \"30 0 * * *\"\n", "  degradation_cron: \"30 0 * * * *\"\n", "schedule.degradation_cron", "not a five-field cron expression")]
    [InlineData("retrain_policy.yaml", "  retrain_retry_max: 2\n", "  retrain_retry_max: 11\n", "schedule.retrain_retry_max", "11 is outside [0, 10]")]
    [InlineData("retrain_policy.yaml", "  heartbeat_timeout_seconds: 300\n", "  heartbeat_timeout_seconds: 30\n", "schedule.heartbeat_timeout_seconds", "30 is outside [60, 86400]")]
    [InlineData("retrain_policy.yaml", "  enabled: false\n  max_trials: 30\n", "  enabled: false\n  max_trials: 0\n", "hyperparameter_search.max_trials", "0 is outside [1, 1000]")]
    [InlineData("retrain_policy.yaml", "    learning_rate: [0.01, 0.3] ", "    learning_rate: [0.0, 0.3] ", "hyperparameter_search.ranges.learning_rate", "LearningRate must be a range within (0, 1]")]
    [InlineData("retrain_policy.yaml", "    max_depth: [2, 8]\n", "    max_depth: [2, 8.5]\n", "hyperparameter_search.ranges.max_depth", "not a range of integers")]
    [InlineData("backtest_policy.yaml", "  stop_z: 4.0\n", "  stop_z: 3.0\n", "exits.stop_z", "StopZ")]
    [InlineData("core_policy.yaml", "  outlier_sigmas: 8.0\n", "  outlier_sigmas: 0\n", "alignment.outlier_sigmas", "positive")]
    [InlineData("core_policy.yaml", "  window: 180\n", "  window: 3\n", "features.window", "greater than or equal to '4'")]
    [InlineData("core_policy.yaml", "  outlier_window: 180\n", "  outlier_window: 2000000000\n", "alignment.outlier_window", "less than or equal to '100000'")]
    [InlineData("retrain_policy.yaml", "  max_rounds: 1000\n", "  max_rounds: 0\n", "xgboost.max_rounds", "MaxRounds")]
    [InlineData("retrain_policy.yaml", "  colsample_bytree: 0.8\n", "  colsample_bytree: 1.5\n", "xgboost.colsample_bytree", "ColsampleByTree")]
    [InlineData("retrain_policy.yaml", "  validation_fraction: 0.2\n", "  validation_fraction: 0.9\n", "cross_validation.validation_fraction", "[0.01, 0.5]")]
    [InlineData("core_policy.yaml", "    resamples: 1000\n", "    resamples: 2000000000\n", "theta.bootstrap.resamples", "BootstrapResamples")]
    [InlineData("backtest_policy.yaml", "  commission_bps: 1.0\n", "  commission_bps: -1\n", "costs.commission_bps", "non-negative")]
    [InlineData("backtest_policy.yaml", "  min_trades_per_year_per_pair: 8\n", "  min_trades_per_year_per_pair: -1\n", "adoption.min_trades_per_year_per_pair", "non-negative")]
    [InlineData("backtest_policy.yaml", "  - { kind: latency, bars: 1 }\n", "  - { kind: earthquake, bars: 1 }\n", "stress[1].kind", "not one of")]
    public void InvalidValue_IsAnErrorNamingFileAndKey(string file, string line, string replacement, string key, string problem)
    {
        string folder = Configs.CopyWith(file, text => Replace(text, line, replacement));

        ConfigException e = Assert.Throws<ConfigException>(() => PolicyLoader.Load(folder));

        Assert.Equal(file, e.File);
        Assert.Equal(key, e.Key);
        Assert.Contains(problem, e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', e.Message);
        Assert.StartsWith($"{file}: {key}: ", e.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// The loader and the options agree: every numeric key of the sample configs, set to each probe value, is either
    /// refused with one line naming its file and a key, or accepted by the flow (whose constructor validates the
    /// whole policy) — nothing passes the loader to fail later.
    /// </summary>
    [Fact]
    public void EveryNumericKey_IsRefusedInOneLineOrAcceptedByTheFlow()
    {
        string[] probes = ["-1", "0", "0.5", "1", "2", "3", "1000000", "2000000000"];
        int refused = 0, accepted = 0;
        foreach (string file in (string[])[PolicyLoader.CoreFile, PolicyLoader.RetrainFile, PolicyLoader.BacktestFile])
        {
            string[] lines = File.ReadAllLines(Path.Combine(Configs.Folder, file));
            for (int i = 0; i < lines.Length; i++)
            {
                System.Text.RegularExpressions.Match m = System.Text.RegularExpressions.Regex.Match(lines[i], @"^(\s*)([a-z0-9_]+): (-?[0-9.]+)\s*(#.*)?$");
                if (!m.Success)
                {
                    continue;
                }

                foreach (string probe in probes)
                {
                    int line = i;
                    string folder = Configs.CopyWith(file, text => string.Join('\n', text.Split('\n').Select((l, k) => k == line ? $"{m.Groups[1].Value}{m.Groups[2].Value}: {probe}" : l)));
                    try
                    {
                        TrainingPolicy policy = PolicyLoader.Load(folder);
                        _ = new RetrainFlow(policy, [new Alpha.Boosting.XGBoost.XGBoostTrainer(), new Alpha.Boosting.LightGbm.LightGbmTrainer()]);
                        accepted++;
                    }
                    catch (ConfigException e)
                    {
                        Assert.False(e.Message.Contains('\n', StringComparison.Ordinal), e.Message);
                        Assert.True(e.File == file && e.Key.Length > 0, $"{file} line {line + 1} = {probe}: {e.Message}");
                        refused++;
                    }
                    finally
                    {
                        Directory.Delete(folder, recursive: true);
                    }
                }
            }
        }

        Assert.True(refused > 50 && accepted > 50, $"{refused} refused, {accepted} accepted");
    }

    [Fact]
    public void MissingFileAndBrokenYaml_AreErrorsNamingTheFile()
    {
        string folder = Configs.CopyWith("core_policy.yaml", t => t);
        File.Delete(Path.Combine(folder, "backtest_policy.yaml"));
        Assert.Equal("backtest_policy.yaml", Assert.Throws<ConfigException>(() => PolicyLoader.Load(folder)).File);

        string broken = Configs.CopyWith("retrain_policy.yaml", t => t + "\n  : [unclosed\n");
        ConfigException e = Assert.Throws<ConfigException>(() => PolicyLoader.Load(broken));
        Assert.Equal("retrain_policy.yaml", e.File);
        Assert.Contains("invalid YAML", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AbsoluteThresholdsAndStrictMode_Bind()
    {
        string folder = Configs.CopyWith("core_policy.yaml", t => Replace(Replace(t, "    max_speed: { quantile: 0.90 }\n", "    max_speed: { value: 0.12 }\n"), "  outlier_mode: lenient\n", "  outlier_mode: strict\n"));
        TrainingPolicy policy = PolicyLoader.Load(folder);
        Assert.Equal(Threshold.Absolute(0.12), policy.Reversion.MaxSpeed);
        Assert.Equal(ValidationMode.Strict, policy.Alignment.OutlierMode);
    }

    private static string Replace(string text, string line, string replacement)
    {
        Assert.Contains(line, text, StringComparison.Ordinal);
        return text.Replace(line, replacement, StringComparison.Ordinal);
    }
}
