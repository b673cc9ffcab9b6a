using System.CommandLine;
using Alpha.Training;
using Spectre.Console;

namespace Alpha.Cli;

/// <summary><c>alpha demo [--out folder] [--seed n] [--bars n]</c>: synthetic cointegrated pair → the whole flow → summary.</summary>
internal static class DemoCommand
{
    public static Command Create()
    {
        var output = new Option<DirectoryInfo?>("--out") { Description = "Models folder to write into (default: a new temporary folder)." };
        var seed = new Option<int>("--seed") { Description = "Seed of the synthetic data.", DefaultValueFactory = _ => 7 };
        var bars = new Option<int>("--bars") { Description = "Bars to generate (4-hour bars; weekends are then removed).", DefaultValueFactory = _ => 8_000 };
        Option<DirectoryInfo> config = CliOptions.Config(required: false);
        var command = new Command("demo", "Train on seeded synthetic cointegrated data, with no servers and no files outside the output folder.") { output, seed, bars, config };
        command.SetAction((parse, cancellationToken) =>
        {
            TrainingPolicy policy = parse.GetValue(config) is DirectoryInfo c ? PolicyLoader.Load(c.FullName) : TrainingPolicy.Default;
            (var a, var b) = SyntheticPair.Generate(new SyntheticPairOptions { Seed = parse.GetValue(seed), Bars = parse.GetValue(bars) });
            string root = parse.GetValue(output)?.FullName ?? Directory.CreateTempSubdirectory("alpha-demo-").FullName;
            AnsiConsole.MarkupLineInterpolated($"Synthetic pair: {a.Count} and {b.Count} bars of {a.Symbol}/{b.Symbol} (seed {parse.GetValue(seed)}); models go to {root}");
            string folder = Training.Run(policy, PairDataset.FromSeries(a, b), null, root, cancellationToken);
            AnsiConsole.MarkupLineInterpolated($"Inspect it again with: alpha inspect {folder}");
            return Task.FromResult(0);
        });
        return command;
    }
}
