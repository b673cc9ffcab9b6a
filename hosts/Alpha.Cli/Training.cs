using System.Globalization;
using Alpha.Boosting.LightGbm;
using Alpha.Boosting.XGBoost;
using Alpha.MarketData;
using Alpha.Training;
using Spectre.Console;

namespace Alpha.Cli;

/// <summary>Runs the retrain flow with a progress display, stores the version and shows its summary.</summary>
internal static class Training
{
    /// <summary>Trains, stores the version in <paramref name="modelsRoot"/> and prints the summary; returns the version's folder.</summary>
    /// <exception cref="IOException">The models folder is not writable (checked before training), or the version exists.</exception>
    public static string Run(TrainingPolicy policy, PairDataset data, DeployedModel? deployed, string modelsRoot, CancellationToken cancellationToken)
    {
        ModelsFolder.CheckWritable(modelsRoot);
        var flow = new RetrainFlow(policy, [new XGBoostTrainer(), new LightGbmTrainer()]);
        RetrainResult? result = null;
        AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new ElapsedTimeColumn())
            .Start(context => result = flow.Run(data, deployed, new StageProgress(context), cancellationToken));

        ShowDataQuality(result!.DataQuality);
        string folder = ModelsFolder.Write(result, modelsRoot);
        ShowStageTimes(result);
        ModelSummary.Show(folder);
        foreach (string old in ModelStore.Prune(modelsRoot, policy.KeepVersions, deployed is null ? null : [deployed.Version]))
        {
            AnsiConsole.MarkupLineInterpolated($"[grey]retention: removed {Path.GetFileName(old)}[/]");
        }

        return folder;
    }

    private static void ShowDataQuality(DataQualityReport q)
    {
        var table = new Table().Title("data quality (alignment)").AddColumns("", q.SymbolA, q.SymbolB);
        table.AddRow("bars read", N(q.BarsReadA), N(q.BarsReadB));
        table.AddRow("rows with issues (lenient reading)", N(q.IssuesA), N(q.IssuesB));
        table.AddRow("bars filled (previous close carried)", N(q.FilledA), N(q.FilledB));
        table.AddRow("outlier bars (flagged)", N(q.OutliersA), N(q.OutliersB));
        AnsiConsole.Write(table);
        int dropped = q.UnionBars - q.AlignedBars;
        AnsiConsole.WriteLine(
            $"{N(q.AlignedBars)} aligned bars from {q.FirstTime:yyyy-MM-dd HH:mm} to {q.LastTime:yyyy-MM-dd HH:mm} UTC ({q.Timeframe.TotalMinutes:F0}-minute bars): " +
            $"{N(q.UnionBars)} on the union of both legs' times, {N(q.CommonBars)} in both; {N(dropped)} dropped ({N(q.ClosureBars)} in {N(q.ClosureRuns)} market closure(s)); " +
            $"split into {N(q.Segments)} segment(s) at gaps over {N(q.MaxGapBars)} bars ({N(q.SplitBars)} bars in the gaps); {N(q.QuarantinedSegments)} segment(s) quarantined.");
    }

    private static void ShowStageTimes(RetrainResult result)
    {
        var stages = new Table().Title("stage times").AddColumns("stage", "ms", "runs");
        foreach ((RetrainStage stage, TimeSpan time) in result.StageTimes)
        {
            stages.AddRow(stage.ToString(), time.TotalMilliseconds.ToString("F0", CultureInfo.InvariantCulture), Markup.Escape(Overlap(stage)));
        }

        AnsiConsole.Write(stages);
    }

    // The final boosters train in the background while the analysis stages run (RetrainStage.FinalModels): their
    // times overlap, so the stage times add up to more than the run took.
    private static string Overlap(RetrainStage stage) => stage switch
    {
        RetrainStage.FinalModels => "in the background, alongside Calibration … Stress",
        RetrainStage.Calibration or RetrainStage.ThetaSearch or RetrainStage.Backtest or RetrainStage.Stress => "alongside FinalModels",
        _ => "",
    };

    private static string N(int value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
