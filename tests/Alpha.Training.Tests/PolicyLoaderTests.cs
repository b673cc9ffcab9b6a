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
    }

    [Theory]
    [InlineData("core_policy.yaml", "  window: 180\n", "", "features.window")]
    [InlineData("core_policy.yaml", "    horizon_bars: 12\n", "", "labels.ai2.horizon_bars")]
    [InlineData("retrain_policy.yaml", "  eta: 0.05\n", "", "xgboost.eta")]
    [InlineData("retrain_policy.yaml", "seed: 42\n", "", "seed")]
    [InlineData("backtest_policy.yaml", "  min_sharpe: 1.2\n", "", "adoption.min_sharpe")]
    public void MissingKey_IsAnErrorNamingFileAndKey(string file, string line, string replacement, string key)
    {
        string folder = Configs.CopyWith(file, text => Replace(text, line, replacement));

        PolicyException e = Assert.Throws<PolicyException>(() => PolicyLoader.Load(folder));

        Assert.Equal(file, e.File);
        Assert.Equal(key, e.Key);
        Assert.Contains("missing", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("core_policy.yaml", "  window: 180\n", "  window: 180\n  windw: 180\n", "features.windw", "unknown key")]
    [InlineData("core_policy.yaml", "  window: 180\n", "  window: lots\n", "features.window", "not an integer")]
    [InlineData("core_policy.yaml", "  theta1_range: [0.60, 0.85]\n", "  theta1_range: [0.85, 0.60]\n", "theta.theta1_range", "above high")]
    [InlineData("core_policy.yaml", "    max_speed: { quantile: 0.90 }\n", "    max_speed: { quantile: 0.90, value: 0.12 }\n", "labels.ai1.max_speed", "exactly one")]
    [InlineData("core_policy.yaml", "    max_speed: { quantile: 0.90 }\n", "    max_speed: { quantile: 1.5 }\n", "labels.ai1.max_speed.quantile", "outside")]
    [InlineData("retrain_policy.yaml", "  eta: 0.05\n", "  eta: .nan\n", "xgboost.eta", "not a finite number")]
    [InlineData("retrain_policy.yaml", "  method: isotonic\n", "  method: beta\n", "calibration.method", "not one of")]
    [InlineData("retrain_policy.yaml", "  keep_versions: 5\n", "  keep_versions: 2\n", "retention.keep_versions", "outside")]
    [InlineData("backtest_policy.yaml", "  stop_z: 4.0\n", "  stop_z: 3.0\n", "exits", "stop_z")]
    [InlineData("backtest_policy.yaml", "  - { kind: latency, bars: 1 }\n", "  - { kind: earthquake, bars: 1 }\n", "stress[1].kind", "not one of")]
    public void InvalidValue_IsAnErrorNamingFileAndKey(string file, string line, string replacement, string key, string problem)
    {
        string folder = Configs.CopyWith(file, text => Replace(text, line, replacement));

        PolicyException e = Assert.Throws<PolicyException>(() => PolicyLoader.Load(folder));

        Assert.Equal(file, e.File);
        Assert.Equal(key, e.Key);
        Assert.Contains(problem, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingFileAndBrokenYaml_AreErrorsNamingTheFile()
    {
        string folder = Configs.CopyWith("core_policy.yaml", t => t);
        File.Delete(Path.Combine(folder, "backtest_policy.yaml"));
        Assert.Equal("backtest_policy.yaml", Assert.Throws<PolicyException>(() => PolicyLoader.Load(folder)).File);

        string broken = Configs.CopyWith("retrain_policy.yaml", t => t + "\n  : [unclosed\n");
        PolicyException e = Assert.Throws<PolicyException>(() => PolicyLoader.Load(broken));
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
