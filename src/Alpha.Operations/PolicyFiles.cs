using System.Collections.Immutable;
using Alpha.Configuration;
using Alpha.Inference;
using Alpha.Training;

namespace Alpha.Operations;

/// <summary>
/// The policy files a configuration change may touch, which of their keys are high-risk (two approvers), and their
/// validation — with the binding code the retrain flow and the hosts use (<see cref="PolicyLoader"/>,
/// <see cref="EngineSettings"/>), so a change that validates here is one they will load.
/// </summary>
public static class PolicyFiles
{
    /// <summary>The governed files, by name, in a configuration folder.</summary>
    public static ImmutableArray<string> Names { get; } =
    [
        PolicyLoader.CoreFile, PolicyLoader.RetrainFile, PolicyLoader.BacktestFile, "universe.yaml", "cost_table.yaml", "dd_policy.yaml",
    ];

    /// <summary>
    /// The high-risk keys (a key or a section whose every key is high-risk), per file: θ ranges and the initial θ, the
    /// adoption thresholds and the drawdown levels. A change touching any of them needs two distinct approvers.
    /// </summary>
    public static ImmutableArray<(string File, string Key)> HighRiskKeys { get; } =
    [
        (PolicyLoader.CoreFile, "theta.theta1_range"),
        (PolicyLoader.CoreFile, "theta.theta2_range"),
        (PolicyLoader.CoreFile, "theta.initial"),
        (PolicyLoader.CoreFile, "theta.adaptive_range"),
        (PolicyLoader.BacktestFile, "adoption"),
        ("dd_policy.yaml", "pair"),
        ("dd_policy.yaml", "global"),
    ];

    /// <summary>Whether <paramref name="key"/> of <paramref name="file"/> is high-risk (it is, or is inside, one of <see cref="HighRiskKeys"/>).</summary>
    public static bool IsHighRisk(string file, string key)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(key);
        return HighRiskKeys.Any(h => h.File == file && (key == h.Key || (key.StartsWith(h.Key, StringComparison.Ordinal) && key[h.Key.Length] is '.' or '[')));
    }

    /// <summary>Loads every governed file of <paramref name="folder"/> as the retrain flow and the hosts do.</summary>
    /// <exception cref="ConfigException">A file or key is missing or invalid (named).</exception>
    public static void Validate(string folder)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        TrainingPolicy policy = PolicyLoader.Load(folder);
        _ = EngineSettings.Load(folder, policy.Alignment, policy.Backtest);
        _ = DrawdownPolicy.Load(folder);
    }
}
