using Alpha.Configuration;
using System.Text.RegularExpressions;

namespace Alpha.Training;

/// <summary>
/// Where each <see cref="TrainingPolicy"/> setting is written in the policy files: turns a validation failure (an
/// <see cref="ArgumentException"/> whose parameter is the setting's path, e.g. <c>Features.Window</c>) into a
/// one-line <see cref="ConfigException"/> naming the file and key. A property's key is its snake_case name in its
/// owner's section unless listed here.
/// </summary>
internal static partial class PolicyKeys
{
    private static readonly Dictionary<string, (string File, string Section)> s_owners = new(StringComparer.Ordinal)
    {
        ["Alignment"] = (PolicyLoader.CoreFile, "alignment"),
        ["Features"] = (PolicyLoader.CoreFile, "features"),
        ["Reversion"] = (PolicyLoader.CoreFile, "labels.ai1"),
        ["Risk"] = (PolicyLoader.CoreFile, "labels.ai2"),
        ["ThetaSearch"] = (PolicyLoader.CoreFile, "theta"),
        ["InitialTheta"] = (PolicyLoader.CoreFile, "theta.initial"),
        ["CrossValidation"] = (PolicyLoader.RetrainFile, "cross_validation"),
        ["Backtest"] = (PolicyLoader.BacktestFile, ""),
        ["Adoption"] = (PolicyLoader.BacktestFile, "adoption"),
    };

    // Settings whose key is not the snake_case name of the property in its owner's section.
    private static readonly Dictionary<string, string> s_keys = new(StringComparer.Ordinal)
    {
        ["ScalerClip"] = "features.scaler_clip",
        ["ValidationFraction"] = "cross_validation.validation_fraction",
        ["ClassWeightCap"] = "sample_weights.class_weight_cap",
        ["KeepVersions"] = "retention.keep_versions",
        ["AutoDeploy"] = "registry.auto_deploy",
        ["Seed"] = "seed",
        ["Risk.RhoVariance"] = "rho_var",
        ["Risk.Drawdown"] = "dd_recent",
        ["Risk.MinPositiveRate"] = "positive_rate_band",
        ["Risk.MaxPositiveRate"] = "positive_rate_band",
        ["ThetaSearch.Theta1Low"] = "theta1_range",
        ["ThetaSearch.Theta1High"] = "theta1_range",
        ["ThetaSearch.Theta2Low"] = "theta2_range",
        ["ThetaSearch.Theta2High"] = "theta2_range",
        ["ThetaSearch.InSampleMargin"] = "objective.in_sample_margin",
        ["ThetaSearch.DrawdownLimit"] = "objective.drawdown_limit",
        ["ThetaSearch.DrawdownPenalty"] = "objective.drawdown_penalty",
        ["ThetaSearch.FalsePositivePenalty"] = "objective.false_positive_penalty",
        ["ThetaSearch.SmoothingWeight"] = "stabilisation.smoothing_weight",
        ["ThetaSearch.MaxChange"] = "stabilisation.max_change",
        ["ThetaSearch.BootstrapResamples"] = "bootstrap.resamples",
        ["ThetaSearch.BootstrapBlock"] = "bootstrap.block",
        ["ThetaSearch.BootstrapConfidence"] = "bootstrap.confidence",
        ["ThetaSearch.AdaptiveTheta1Quantiles"] = "adaptive_range.theta1_quantiles",
        ["ThetaSearch.AdaptiveTheta2Quantiles"] = "adaptive_range.theta2_quantiles",
        ["Backtest.StartingEquity"] = "sizing.starting_equity",
        ["Backtest.RiskPerTrade"] = "sizing.risk_per_trade",
        ["Backtest.MaxLeverage"] = "sizing.max_leverage",
        ["Backtest.EntryZ"] = "entry.entry_z",
        ["Backtest.EntryMaxZ"] = "entry.entry_max_z",
        ["Backtest.ExitZ"] = "exits.exit_z",
        ["Backtest.StopZ"] = "exits.stop_z",
        ["Backtest.MaxHoldingBars"] = "exits.max_holding_bars",
        ["Backtest.Costs"] = "costs",
        ["Booster.ColsampleByTree"] = "colsample_bytree",
        ["Booster.BaggingFrequency"] = "bagging_freq",
    };

    /// <summary>The policy error for <paramref name="e"/>, thrown by <see cref="TrainingPolicy.Validate"/> on a policy trained with <paramref name="booster"/>.</summary>
    public static ConfigException Locate(ArgumentException e, string booster)
    {
        string path = e.ParamName ?? "";
        string owner = path.Split('.')[0], property = path[(owner.Length + (path.Length > owner.Length ? 1 : 0))..];
        (string file, string key) = path switch
        {
            // The θ search's trade minimum is the adoption's per-pair minimum (backtest_policy).
            "ThetaSearch.MinTradesPerYear" => (PolicyLoader.BacktestFile, "adoption.min_trades_per_year_per_pair"),
            "Booster.Seed" or "Seed" => (PolicyLoader.RetrainFile, "seed"),
            _ when owner is "Booster" or "Rounds" => (PolicyLoader.RetrainFile, $"{booster}.{Key(path, property)}"),
            "ParallelTrainings" => (PolicyLoader.RetrainFile, $"{booster}.parallel_trainings"),
            "ScalerClip" => (PolicyLoader.CoreFile, s_keys[path]),
            _ when s_owners.TryGetValue(owner, out (string File, string Section) o) => (o.File, Join(o.Section, Key(path, property))),
            _ when s_keys.TryGetValue(path, out string? k) => (PolicyLoader.RetrainFile, k),
            _ => (PolicyLoader.RetrainFile, Snake(path)),
        };
        return new ConfigException(file, key, Problem(e));
    }

    /// <summary>The message of <paramref name="e"/> on one line, without .NET's "(Parameter '…')" suffix.</summary>
    public static string Problem(ArgumentException e) =>
        e.Message.Replace($" (Parameter '{e.ParamName}')", "", StringComparison.Ordinal).ReplaceLineEndings(" ").Trim();

    /// <summary><c>ZEmaSpan</c> → <c>z_ema_span</c>.</summary>
    public static string Snake(string property) => WordBoundary().Replace(property, "_").ToLowerInvariant();

    private static string Key(string path, string property) => s_keys.TryGetValue(path, out string? key) ? key : Snake(property);

    private static string Join(string section, string key) => section.Length == 0 ? key : key.Length == 0 ? section : $"{section}.{key}";

    [GeneratedRegex("(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")]
    private static partial Regex WordBoundary();
}
