using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Alpha.Backtesting;
using Alpha.Optimization;
using Alpha.Registry;
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
        Option<double?> theta1 = CliOptions.Number("--theta1", "Override the model's θ1 (return probability above which to enter).", 0, 1);
        Option<double?> theta2 = CliOptions.Number("--theta2", "Override the model's θ2 (risk score below which to enter).", 0, 1);
        var command = new Command("backtest", "Backtest a stored model on a pair (with the policy's costs, sizing and stress scenarios).") { model, data.Files, data.Quote, config, theta1, theta2 };
        command.SetAction((parse, _) =>
        {
            (TrainedModel trained, ScoredPair scored, TrainingPolicy policy) = StoredModelOnData.Load(parse, model, data, config);
            var theta = new Theta(parse.GetValue(theta1) ?? trained.Theta.Theta1, parse.GetValue(theta2) ?? trained.Theta.Theta2);
            AnsiConsole.MarkupLineInterpolated($"{trained.Version} at θ = ({theta.Theta1:F2}, {theta.Theta2:F2}) on {scored.Market.Count} bars, {scored.CandidateBars.Length} candidates");
            AnsiConsole.WriteLine(SampleNote(parse.GetRequiredValue(model).FullName, scored.Market.Time));
            BacktestResult result = scored.Backtest(theta);
            var table = new Table().AddColumns("scenario", "annual", "Sharpe", "MaxDD", "trades", "trades/yr", "win rate");
            void Row(string name, PerformanceSummary s) => table.AddRow(name, Cell.Number(s.AnnualReturn, "P1"), Cell.Number(s.Sharpe), Cell.Number(s.MaxDrawdown, "P1"), s.Trades.ToString(CultureInfo.InvariantCulture), Cell.Number(s.TradesPerYear), Cell.Number(s.WinRate, "P1"));
            Row("backtest", result.Summary);
            foreach (StressResult s in scored.Stress(theta, policy.Stress.Select(x => x.Build(scored.Market.Count))))
            {
                Row(s.Scenario, s.Summary);
            }

            AnsiConsole.Write(table);
            return Task.FromResult(ExitCodes.Success);
        });
        return command;
    }

    /// <summary>
    /// Says whether these bars are the version's training data. Scored by the stored (final) boosters, bars they were
    /// fitted on are in sample; the training report's backtest (metrics.json) is out of sample, from cross-fitted
    /// scores of boosters that never saw each bar. Both are legitimate and differ.
    /// </summary>
    private static string SampleNote(string folder, ReadOnlySpan<DateTime> time)
    {
        using JsonDocument quality = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(folder, ModelFiles.DataQuality)));
        using JsonDocument metrics = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(folder, ModelFiles.Metrics)));
        DateTime first = quality.RootElement.GetProperty("first_time").GetDateTime(), last = quality.RootElement.GetProperty("last_time").GetDateTime();
        int inside = 0;
        foreach (DateTime t in time)
        {
            inside += t >= first && t <= last ? 1 : 0;
        }

        string reported = metrics.RootElement.GetProperty("backtest").GetProperty("trades_per_year") is { ValueKind: JsonValueKind.Number } v
            ? v.GetDouble().ToString("F1", CultureInfo.InvariantCulture)
            : "n/a";
        string window = $"{first:yyyy-MM-dd} … {last:yyyy-MM-dd}";
        return inside == 0
            ? $"Out of sample: none of these bars lie in the version's training data ({window})."
            : $"In sample: {inside:N0} of {time.Length:N0} bars lie in the version's training data ({window}) and are scored by boosters fitted on them. " +
              $"The training report's backtest ({reported} trades/yr, `alpha inspect`) is the out-of-sample one: cross-fitted scores from boosters that never saw each bar. Both are legitimate; they answer different questions.";
    }
}
