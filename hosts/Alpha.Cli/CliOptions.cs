using System.CommandLine;

namespace Alpha.Cli;

/// <summary>Options shared by several commands.</summary>
internal static class CliOptions
{
    public static Option<DirectoryInfo> Config(bool required) => new("--config")
    {
        Description = "Folder with core_policy.yaml, retrain_policy.yaml and backtest_policy.yaml.",
        Required = required,
    };

    public static Option<DirectoryInfo> Model() => new("--model")
    {
        Description = "A model version folder (models/<version>).",
        Required = true,
    };
}
