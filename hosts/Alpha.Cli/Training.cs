using Alpha.Boosting.LightGbm;
using Alpha.Boosting.XGBoost;
using Alpha.Boosting.Training;
using Alpha.Training;
using Spectre.Console;

namespace Alpha.Cli;

/// <summary>Runs the retrain flow with a progress display, stores the version and shows its summary.</summary>
internal static class Training
{
    public static string Run(TrainingPolicy policy, PairDataset data, DeployedModel? deployed, string modelsRoot, CancellationToken cancellationToken)
    {
        var flow = new RetrainFlow(policy, [new XGBoostTrainer(), new LightGbmTrainer()]);
        RetrainResult? result = null;
        AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new ElapsedTimeColumn())
            .Start(context => result = flow.Run(data, deployed, new StageProgress(context), cancellationToken));

        string folder = ModelStore.Write(result!, modelsRoot, TimeProvider.System, cancellationToken);
        var stages = new Table().Title("stage times").AddColumns("stage", "ms");
        foreach ((RetrainStage stage, TimeSpan time) in result!.StageTimes)
        {
            stages.AddRow(stage.ToString(), time.TotalMilliseconds.ToString("F0", System.Globalization.CultureInfo.InvariantCulture));
        }

        AnsiConsole.Write(stages);
        ModelSummary.Show(folder);
        IReadOnlyList<string> pruned = ModelStore.Prune(modelsRoot, policy.KeepVersions, deployed is null ? null : [deployed.Version]);
        foreach (string old in pruned)
        {
            AnsiConsole.MarkupLineInterpolated($"[grey]retention: removed {Path.GetFileName(old)}[/]");
        }

        return folder;
    }
}
