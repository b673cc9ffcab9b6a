using System.Globalization;
using System.Text.Json;
using Alpha.Registry;
using Alpha.Training;
using Spectre.Console;

namespace Alpha.Cli;

/// <summary>Prints a stored version's verification and summary (metrics, θ, adoption criteria) from its files.</summary>
internal static class ModelSummary
{
    public static bool Show(string folder)
    {
        ModelVerification check = ModelStore.Verify(folder);
        if (!check.IsValid)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]{check.Version}: checksums do not verify[/]");
            foreach (string problem in check.Problems)
            {
                AnsiConsole.MarkupLineInterpolated($"  [red]{problem}[/]");
            }

            return false;
        }

        using JsonDocument metrics = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(folder, ModelFiles.Metrics)));
        JsonElement m = metrics.RootElement;
        AnsiConsole.MarkupLineInterpolated($"[bold]{check.Version}[/]  [green]checksums verified[/]  ({Path.GetFullPath(folder)})");

        var models = new Table().Title("models (cross-fitted, out of fold)").AddColumns("model", "n", "pos", "AUC", "PR-AUC", "Brier (base)", "ECE", "rounds", "top feature");
        foreach (string name in (string[])["ai1", "ai2"])
        {
            JsonElement x = m.GetProperty("models").GetProperty(name);
            models.AddRow(name.ToUpperInvariant(), Int(x, "samples"), Percent(x, "label_positive_rate"), Num(x, "roc_auc", "F3"), Num(x, "pr_auc", "F3"), $"{Num(x, "brier", "F3")} ({Num(x, "base_rate_brier", "F3")})", Num(x, "ece", "F3"), Int(x, "rounds"),
                x.GetProperty("feature_importance")[0].GetProperty("feature").GetString() ?? "");
        }

        AnsiConsole.Write(models);

        JsonElement theta = m.GetProperty("theta_search"), backtest = m.GetProperty("backtest");
        // The θ search changes θ or keeps the previous one; the model as a whole is adopted or not (below).
        string thetaOutcome = theta.GetProperty("adopted").GetBoolean() ? "θ changed: the search's θ" : "θ kept: the previous θ (the policy's initial θ on a first run)";
        AnsiConsole.MarkupLineInterpolated($"θ1 = {Num(theta, "theta1")}, θ2 = {Num(theta, "theta2")} — {thetaOutcome} ({Int(theta, "evaluations")} evaluations; AI2 pass rate {Percent(theta, "pass_rate")})");
        foreach (JsonElement reason in theta.GetProperty("reasons").EnumerateArray())
        {
            AnsiConsole.MarkupLineInterpolated($"  [grey]{reason.GetString()}[/]");
        }

        var runs = new Table().Title("backtest at θ (out of sample) and stress").AddColumns("scenario", "annual", "Sharpe", "MaxDD", "trades/yr", "win rate");
        runs.AddRow("out of sample", Percent(backtest, "annual_return"), Num(backtest, "sharpe"), Percent(backtest, "max_drawdown"), Num(backtest, "trades_per_year", "F1"), Percent(backtest, "win_rate"));
        foreach (JsonProperty s in m.GetProperty("stress").EnumerateObject())
        {
            runs.AddRow(s.Name, Percent(s.Value, "annual_return"), Num(s.Value, "sharpe"), Percent(s.Value, "max_drawdown"), Num(s.Value, "trades_per_year", "F1"), Percent(s.Value, "win_rate"));
        }

        AnsiConsole.Write(runs);

        JsonElement adoption = m.GetProperty("adoption");
        var criteria = new Table().Title("adoption").AddColumns("criterion", "value", "rule", "result");
        foreach (JsonElement c in adoption.GetProperty("criteria").EnumerateArray())
        {
            bool passed = c.GetProperty("passed").GetBoolean();
            criteria.AddRow(Markup.Escape(c.GetProperty("name").GetString() ?? ""), Num(c, "value"), Markup.Escape($"{c.GetProperty("comparison").GetString()} {Num(c, "bound")}"), passed ? "[green]pass[/]" : "[red]fail[/]");
        }

        AnsiConsole.Write(criteria);
        AnsiConsole.MarkupLine(adoption.GetProperty("adopted").GetBoolean()
            ? "[green]model adopted[/]: it passes every criterion and may replace the deployed version"
            : "[yellow]model not adopted[/]: a criterion failed; the version is stored for inspection, not for deployment");
        return true;
    }

    private static string Int(JsonElement e, string name) => e.GetProperty(name).GetInt32().ToString(CultureInfo.InvariantCulture);

    // metrics.json writes a non-finite number as null.
    private static string Num(JsonElement e, string name, string format = "F4") =>
        Cell.Number(e.GetProperty(name) is { ValueKind: JsonValueKind.Number } value ? value.GetDouble() : double.NaN, format);

    private static string Percent(JsonElement e, string name) => Num(e, name, "P1");
}
