using System.CommandLine;
using System.Globalization;
using Alpha.MarketData;
using Alpha.Monitoring;
using Alpha.Registry;
using Alpha.Training;
using Spectre.Console;

namespace Alpha.Cli;

/// <summary>
/// <c>alpha monitor --model models/&lt;version&gt; (--data A.csv B.csv | --from-postgres) --config configs --since 2023-01-01</c>:
/// the version's drift and degradation verdict over the bars from <c>--since</c> — files, or the live bars the worker
/// stored in <c>core.bars</c> — replayed as the live engine serves them, against the reference the version froze at
/// training (<c>drift_reference.json</c>).
/// </summary>
internal static class MonitorCommand
{
    public static Command Create()
    {
        Option<DirectoryInfo> model = CliOptions.Model(), config = CliOptions.Config(required: true);
        var data = new PairDataOptions(required: false);
        var fromPostgres = new Option<bool>("--from-postgres")
        {
            Description = $"Replay the live bars the worker stored (core.bars, connection from {DatabaseUrl.Variable}) instead of --data: the version's two symbols at its timeframe.",
        };
        Option<DateTime?> since = CliOptions.Time("--since", "The window's first bar (UTC date or time, e.g. 2023-01-01); the bars before it warm the features up.");
        var record = new Option<string?>("--record")
        {
            Description = $"Store the verdict for this catalogue model id in core.monitoring_verdicts ({DatabaseUrl.Variable}): the API's /metrics/model and /metrics/risk show the newest.",
        };
        var command = new Command("monitor", "Drift and degradation of a version over a window of bars (PSI, mean shift, win rate, AUC, AI2 pass rate, risk-flag streaks) and whether to retrain.")
        {
            model, data.Files, data.Quote, fromPostgres, config, since, record,
        };
        command.SetAction(async (parse, ct) =>
        {
            string folder = parse.GetRequiredValue(model).FullName;
            TrainingPolicy policy = PolicyLoader.Load(parse.GetRequiredValue(config).FullName);
            PairDataset dataset = (parse.GetValue(fromPostgres), parse.GetValue(data.Files) is { Length: > 0 }) switch
            {
                (true, false) => await LiveBarsAsync(folder, ct),
                (false, true) => data.Read(parse),
                _ => throw new ArgumentException("Give the pair's bars either as --data A B or with --from-postgres, not both."),
            };
            DateTime from = parse.GetRequiredValue(since)!.Value;
            (string version, LiveWindow window, DegradationVerdict verdict) = VersionMonitor.Evaluate(folder, policy, dataset, from);
            Print(version, from, window, verdict);
            if (parse.GetValue(record) is { } modelId)
            {
                await using Npgsql.NpgsqlDataSource db = DatabaseUrl.Open();
                await VersionMonitor.RecordAsync(db, modelId, version, from, verdict, TimeProvider.System.GetUtcNow(), ct);
                AnsiConsole.MarkupLineInterpolated($"recorded for {modelId}");
            }

            return ExitCodes.Success;
        });
        return command;
    }

    // The version's two symbols at its timeframe (its data-quality report names them), from core.bars.
    private static async Task<PairDataset> LiveBarsAsync(string folder, CancellationToken ct)
    {
        (string a, string b, TimeSpan timeframe) = VersionMonitor.PairOf(folder);
        await using Npgsql.NpgsqlDataSource db = DatabaseUrl.Open();
        return await VersionMonitor.LiveBarsAsync(db, a, b, timeframe, ct);
    }

    private static void Print(string version, DateTime since, LiveWindow window, DegradationVerdict verdict)
    {
        string colour = verdict.Level switch { MonitorLevel.Alert => "red", MonitorLevel.Warn => "yellow", MonitorLevel.Ok => "green", _ => "grey" };
        AnsiConsole.MarkupLineInterpolated($"{version} since {since:yyyy-MM-dd}: {window.Candidates.Length} candidates, {window.TradePnl.Length} trades");
        AnsiConsole.MarkupLine($"verdict: [{colour}]{Name(verdict.Level)}[/]{(verdict.RetrainRecommended ? " — [red]retrain[/]" : "")}");
        foreach (Finding f in verdict.Findings)
        {
            AnsiConsole.MarkupLineInterpolated($"  {Name(f.Level)} {f.Rule} {f.Subject}: {f.Detail}");
        }

        var psi = new Table().AddColumns("input", "PSI", "critical (95 %)", "mean shift (SD)", "level", "live per bin");
        for (int i = 0; i < verdict.Psi.Length; i++)
        {
            PsiResult p = verdict.Psi[i];
            string shift = i < verdict.MeanShifts.Length ? Cell.Number(verdict.MeanShifts[i].Shift) : "";
            psi.AddRow(Markup.Escape(p.Name), Cell.Number(p.Psi, "F4"), Cell.Number(p.CriticalValue, "F4"), shift, Name(p.Level), string.Join(" ", p.LiveCounts));
        }

        AnsiConsole.Write(psi);
        WinRateResult w = verdict.WinRate;
        AucLine(verdict.Auc);
        AnsiConsole.MarkupLineInterpolated(
            $"win rate: live {Cell.Number(w.LiveRate, "P1")} ({w.Wins}/{w.Trades}, Wilson 95 % [[{Cell.Number(w.WilsonLow, "P1")}, {Cell.Number(w.WilsonHigh, "P1")}]]) vs backtest {Cell.Number(w.BacktestRate, "P1")}: gap {Cell.Number(w.Gap, "P1")} — {Name(w.Level)}");
        PassRateResult pass = verdict.PassRate;
        AnsiConsole.MarkupLineInterpolated($"AI2 pass rate: {Cell.Number(pass.Rate, "P1")} ({pass.Passed}/{pass.Candidates}) in [[{pass.Low:P0}, {pass.High:P0}]] — {Name(pass.Level)}");
        AnsiConsole.MarkupLineInterpolated($"risk-flag streaks: longest {verdict.RiskStreak.Longest}, current {verdict.RiskStreak.Current} of {verdict.RiskStreak.Bars} scored bars — {Name(verdict.RiskStreak.Level)}");
    }

    private static void AucLine(AucResult auc) => AnsiConsole.MarkupLineInterpolated(
        $"AI1 AUC: live {Cell.Number(auc.LiveAuc, "F4")} on {auc.Labelled} labelled candidates ({auc.Positives} positive) vs out-of-fold {Cell.Number(auc.OutOfFoldAuc, "F4")}: drop {Cell.Number(auc.Drop, "F4")} — {Name(auc.Level)}");

    private static string Name(MonitorLevel level) => DegradationVerdictJson.Name(level);
}
