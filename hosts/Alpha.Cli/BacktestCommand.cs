using System.CommandLine;
using System.Globalization;
using Alpha.Backtesting;
using Alpha.Optimization;
using Alpha.Training;
using Spectre.Console;

namespace Alpha.Cli;

/// <summary><c>alpha backtest --model models/&lt;version&gt; --data A.csv B.csv --config configs/ [--theta1 x --theta2 y]</c>.</summary>
internal static class BacktestCommand
{
    public static Command Create()
    {
        Option<DirectoryInfo> model = CliOptions.Model(), config = CliOptions.Config(required: true);
        var data = new PairDataOptions();
        var theta1 = new Option<double?>("--theta1") { Description = "Override the model's θ1." };
        var theta2 = new Option<double?>("--theta2") { Description = "Override the model's θ2." };
        var command = new Command("backtest", "Backtest a stored model on a pair (with the policy's costs, sizing and stress scenarios).") { model, data.Files, data.Quote, config, theta1, theta2 };
        command.SetAction((parse, _) =>
        {
            (TrainedModel trained, ScoredPair scored, TrainingPolicy policy) = StoredModelOnData.Load(parse, model, data, config);
            var theta = new Theta(parse.GetValue(theta1) ?? trained.Theta.Theta1, parse.GetValue(theta2) ?? trained.Theta.Theta2);
            AnsiConsole.MarkupLineInterpolated($"{trained.Version} at θ = ({theta.Theta1:F2}, {theta.Theta2:F2}) on {scored.Market.Count} bars, {scored.CandidateBars.Length} candidates (in sample if the data overlaps its training data)");
            BacktestResult result = scored.Backtest(theta);
            var table = new Table().AddColumns("scenario", "annual", "Sharpe", "MaxDD", "trades", "trades/yr", "win rate");
            void Row(string name, PerformanceSummary s) => table.AddRow(name, Cell.Number(s.AnnualReturn, "P1"), Cell.Number(s.Sharpe), Cell.Number(s.MaxDrawdown, "P1"), s.Trades.ToString(CultureInfo.InvariantCulture), Cell.Number(s.TradesPerYear), Cell.Number(s.WinRate, "P1"));
            Row("backtest", result.Summary);
            foreach (StressResult s in scored.Stress(theta, policy.Stress.Select(x => x.Build(scored.Market.Count))))
            {
                Row(s.Scenario, s.Summary);
            }

            AnsiConsole.Write(table);
            return Task.FromResult(0);
        });
        return command;
    }
}
