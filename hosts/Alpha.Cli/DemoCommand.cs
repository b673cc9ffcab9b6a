using System.CommandLine;
using Alpha.Training;
using Spectre.Console;

namespace Alpha.Cli;

/// <summary><c>alpha demo [--out folder] [--seed n] [--bars n]</c>: synthetic cointegrated pair → the whole flow → summary.</summary>
internal static class DemoCommand
{
    public static Command Create()
    {
        var output = new Option<DirectoryInfo?>("--out") { Description = "Models folder to keep the version in (default: a temporary folder, removed afterwards)." };
        Option<int> seed = CliOptions.Integer("--seed", "Seed of the synthetic data.", 7, 0, int.MaxValue);
        Option<int> bars = CliOptions.Integer("--bars", "Bars to generate (4-hour bars; weekends are then removed).", 8_000, 2_000, 1_000_000);
        Option<DirectoryInfo> config = CliOptions.Config(required: false);
        var command = new Command("demo", "Train on seeded synthetic cointegrated data, with no servers and no files left behind unless --out is given.") { output, seed, bars, config };
        command.SetAction(async (parse, cancellationToken) =>
        {
            TrainingPolicy policy = parse.GetValue(config) is DirectoryInfo c ? PolicyLoader.Load(c.FullName) : TrainingPolicy.Default;
            (var a, var b) = SyntheticPair.Generate(new SyntheticPairOptions { Seed = parse.GetValue(seed), Bars = parse.GetValue(bars) });
            DirectoryInfo? keep = parse.GetValue(output);
            string root = keep?.FullName ?? Directory.CreateTempSubdirectory("alpha-demo-").FullName;
            try
            {
                AnsiConsole.MarkupLineInterpolated($"Synthetic pair: {a.Count} and {b.Count} bars of {a.Symbol}/{b.Symbol} (seed {parse.GetValue(seed)}); models go to {root}");
                string folder = await Training.RunAsync(policy, PairDataset.FromSeries(a, b), null, root, "demo", null, cancellationToken);
                if (keep is null)
                {
                    AnsiConsole.WriteLine("The version was written to a temporary folder, now removed; keep one with --out models/.");
                }
                else
                {
                    AnsiConsole.MarkupLineInterpolated($"Inspect it again with: alpha inspect {folder}");
                }
            }
            finally
            {
                if (keep is null)
                {
                    Directory.Delete(root, recursive: true);
                }
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
