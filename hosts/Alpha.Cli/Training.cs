using System.Globalization;
using Alpha.Boosting.LightGbm;
using Alpha.Boosting.XGBoost;
using Alpha.MarketData;
using Alpha.Registry;
using Alpha.Training;
using Spectre.Console;

namespace Alpha.Cli;

/// <summary>Runs the retrain flow with a progress display, stores the version and shows its summary.</summary>
internal static class Training
{
    /// <summary>
    /// Trains, stores the version in <paramref name="modelsRoot"/> and registers it under <paramref name="modelId"/>
    /// (draft; candidate when adopted; deployed when the policy's auto_deploy says so), prints the summary and applies
    /// retention; returns the version's folder. Without <paramref name="deployed"/>, the model id's deployed version
    /// in the registry (if any) is the one θ stabilisation and adoption compare with.
    /// </summary>
    /// <exception cref="IOException">The models folder is not writable (checked before training), or the version exists.</exception>
    public static async Task<string> RunAsync(
        TrainingPolicy policy, PairDataset data, DeployedModel? deployed, string modelsRoot, string modelId, ModelSigningKey? signingKey, CancellationToken cancellationToken)
    {
        ModelRegistry registry = OpenFolder(modelsRoot, modelId, signingKey, policy.KeepVersions);
        if (deployed is null && await registry.DeployedAsync(modelId, cancellationToken) is string version)
        {
            deployed = DeployedModel.Load(Path.Combine(modelsRoot, version));
            AnsiConsole.MarkupLineInterpolated($"comparing with {modelId}'s deployed version {version}: θ stabilisation starts from its θ, adoption compares with its backtest");
        }

        var flow = new RetrainFlow(policy, [new XGBoostTrainer(), new LightGbmTrainer()]);
        RetrainResult result = WithProgress(progress => flow.Run(data, deployed, progress, cancellationToken));
        ShowDataQuality(result.DataQuality);
        ModelVersionState state;
        try
        {
            state = await RetrainPublisher.PublishAsync(registry, modelId, result, policy.AutoDeploy, signingKey, cancellationToken);
        }
        catch (ModelVersionExistsException e)
        {
            throw new IOException(
                $"{e.Message} The name is the minute plus a hash of the artifacts, so this run trained the same model in the same minute as that one; it was not stored again (the stored version is identical). Run again a minute later to store a second copy.", e);
        }

        string folder = Path.Combine(modelsRoot, state.Version);
        ShowStageTimes(result);
        ModelSummary.Show(folder);
        AnsiConsole.MarkupLineInterpolated($"registered as [bold]{modelId}/{state.Version}[/]: {ModelLifecycle.Name(state.Status)}{(signingKey is null ? " (unsigned)" : $" (signed with key {signingKey.KeyId})")}");
        foreach (string old in await registry.PruneAsync(RetrainPublisher.Actor, cancellationToken))
        {
            AnsiConsole.MarkupLineInterpolated($"[grey]retention: removed {Path.GetFileName(old)}[/]");
        }

        return folder;
    }

    /// <summary>
    /// Trains the direction model (<see cref="DirectionFlow"/>), stores the version in <paramref name="modelsRoot"/> and
    /// registers it under <paramref name="modelId"/> as a draft (no adoption: it is a prediction, not a trading model),
    /// and prints its cross-fitted metrics beside the class-frequency baseline.
    /// </summary>
    public static async Task<string> RunDirectionAsync(TrainingPolicy policy, PairDataset data, string modelsRoot, string modelId, ModelSigningKey? signingKey, CancellationToken cancellationToken)
    {
        ModelRegistry registry = OpenFolder(modelsRoot, modelId, signingKey, policy.KeepVersions);
        var flow = new DirectionFlow(policy, [new XGBoostTrainer(), new LightGbmTrainer()]);
        DirectionResult result = WithProgress(progress => flow.Run(data, progress, cancellationToken));
        ShowDataQuality(result.DataQuality);
        DirectionMetrics m = result.Metrics;
        var table = new Table().Title($"direction model, cross-fitted ({m.Samples:N0} samples, horizon {policy.Direction.HorizonBars} bars, ±{Cell.Number(policy.Direction.Threshold, "0.##")} σ)")
            .AddColumns("", "model", "class-frequency baseline");
        table.AddRow("log loss", Cell.Number(m.LogLoss, "F4"), Cell.Number(m.BaselineLogLoss, "F4"));
        table.AddRow("accuracy", Cell.Number(m.Accuracy, "P1"), Cell.Number(m.BaselineAccuracy, "P1"));
        for (int c = 0; c < DirectionMetrics.ClassNames.Length; c++)
        {
            table.AddRow($"AUC {DirectionMetrics.ClassNames[c]} vs rest ({m.ClassCounts[c]:N0})", Cell.Number(m.Auc[c], "F4"), "0.5000");
        }

        AnsiConsole.Write(table);
        ModelVersionState state = await registry.WriteAsync(modelId, result.Artifacts, RetrainPublisher.Actor, signingKey, $"direction run; log loss {m.LogLoss:F4} vs baseline {m.BaselineLogLoss:F4}", cancellationToken);
        AnsiConsole.MarkupLineInterpolated($"registered as [bold]{modelId}/{state.Version}[/] ({DirectionParameters.KindName}): {ModelLifecycle.Name(state.Status)}{(signingKey is null ? " (unsigned)" : $" (signed with key {signingKey.KeyId})")}");
        return Path.Combine(modelsRoot, state.Version);
    }

    // A flow's run with its stages as progress bars (kept on screen).
    private static T WithProgress<T>(Func<IProgress<RetrainProgress>, T> run) =>
        AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new ElapsedTimeColumn())
            .Start(context => run(new StageProgress(context)));

    // The models folder's own registry, after checking the model id and that the folder is writable (before training).
    private static ModelRegistry OpenFolder(string modelsRoot, string modelId, ModelSigningKey? signingKey, int keepVersions)
    {
        ModelIds.EnsureValid(modelId);
        ModelsFolder.CheckWritable(modelsRoot);
        return ModelRegistry.Embedded(new RegistryOptions
        {
            ModelsRoot = modelsRoot,
            Trust = signingKey is null ? ModelTrust.ChecksumsOnly : new ModelTrust([signingKey.ExportPublicKeyPem()]),
            KeepVersions = keepVersions,
        });
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
