using System.CommandLine;
using System.Globalization;
using Alpha.Optimization;
using Alpha.Training;
using Spectre.Console;

namespace Alpha.Cli;

/// <summary><c>alpha optimize --model models/&lt;version&gt; --data A.csv B.csv --config configs/</c>: re-run the θ search on a stored model.</summary>
internal static class OptimizeCommand
{
    public static Command Create()
    {
        Option<DirectoryInfo> model = CliOptions.Model(), config = CliOptions.Config(required: true);
        var data = new PairDataOptions();
        var command = new Command("optimize", "Re-run the θ search (grid, TPE, stabilisation from the model's θ, bootstrap guard) on a stored model's scores.") { model, data.Files, data.Quote, config };
        command.SetAction((parse, cancellationToken) =>
        {
            (TrainedModel trained, ScoredPair scored, TrainingPolicy policy) = StoredModelOnData.Load(parse, model, data, config);
            ThetaSearchResult result = scored.SearchTheta(policy.PairThetaSearch, trained.Theta, cancellationToken);
            var table = new Table().Title($"θ search from {trained.Version}'s θ = ({trained.Theta.Theta1:F2}, {trained.Theta.Theta2:F2})").AddColumns("stage", "θ1", "θ2", "objective", "annual", "MaxDD", "trades/yr", "feasible");
            foreach (ThetaTrial t in result.Trials.OrderByDescending(t => t.Feasible).ThenByDescending(t => t.Objective).Take(10))
            {
                table.AddRow(t.Stage, Cell.Number(t.Theta.Theta1), Cell.Number(t.Theta.Theta2), Cell.Number(t.Objective, "F4"), Cell.Number(t.Evaluation.AnnualReturn, "P2"),
                    Cell.Number(t.Evaluation.MaxDrawdown, "P1"), Cell.Number(t.Evaluation.TradesPerYear, "F1"), t.Feasible ? "yes" : "no");
            }

            AnsiConsole.Write(table);
            foreach (string reason in result.Reasons)
            {
                AnsiConsole.MarkupLineInterpolated($"  {reason}");
            }

            AnsiConsole.MarkupLineInterpolated($"chosen θ = {(result.Chosen is Theta c ? $"({c.Theta1:F2}, {c.Theta2:F2})" : "none")}, {(result.Adopted ? "adopted" : "not adopted")} ({result.Trials.Length} evaluations)");
            return Task.FromResult(0);
        });
        return command;
    }
}
