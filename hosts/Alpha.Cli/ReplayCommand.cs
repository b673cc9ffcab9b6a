using System.Collections.Immutable;
using System.CommandLine;
using System.Globalization;
using Alpha.Backtesting;
using Alpha.Inference;
using Alpha.MarketData;
using Alpha.Optimization;
using Alpha.Registry;
using Alpha.Signals;
using Alpha.Sizing;
using Alpha.Training;
using Spectre.Console;

namespace Alpha.Cli;

/// <summary>
/// <c>alpha replay --model models/&lt;version&gt; --data A.csv B.csv --config configs/ [--out signals.jsonl] [--model-id id] [--theta1 x --theta2 y]</c>:
/// the pair's bars through the live engine, as they would have arrived, and the proof that it traded as the backtest.
/// </summary>
internal static class ReplayCommand
{
    public static Command Create()
    {
        Option<DirectoryInfo> model = CliOptions.Model(), config = CliOptions.Config(required: true);
        var data = new PairDataOptions();
        var output = new Option<FileInfo?>("--out") { Description = "Write the signals here as JSON lines (snake_case, docs/signal.schema.json)." };
        var modelId = new Option<string>("--model-id") { Description = "The model id the signals carry (and their ids hash).", DefaultValueFactory = _ => "pair" };
        Option<double?> theta1 = CliOptions.Number("--theta1", "Override the model's θ1.", 0, 1);
        Option<double?> theta2 = CliOptions.Number("--theta2", "Override the model's θ2.", 0, 1);
        var served = new Option<bool>("--as-served")
        {
            Description = "Size, cost and halt as the worker serves the pair (the config folder's universe.yaml, cost_table.yaml and dd_policy.yaml) instead of as the backtest: the worker's exact signals. The backtest check is skipped.",
        };
        var command = new Command("replay", "Replay a pair through the live inference engine with a stored model; write its signals and check its trades against the backtest's.")
        {
            model, data.Files, data.Quote, config, output, modelId, theta1, theta2, served,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            TrainingPolicy policy = PolicyLoader.Load(parse.GetRequiredValue(config).FullName);
            string folder = parse.GetRequiredValue(model).FullName;
            ModelVerification check = ModelStore.Verify(folder);
            if (!check.IsValid)
            {
                throw new ModelVerificationException(check);
            }

            PairDataset dataset = data.Read(parse);
            AlignedPair aligned = PairAligner.Align(dataset.A, dataset.B, policy.Alignment);
            var overrides = new SortedDictionary<string, double>(StringComparer.Ordinal);
            AddIf(overrides, "theta1", parse.GetValue(theta1));
            AddIf(overrides, "theta2", parse.GetValue(theta2));
            string id = parse.GetRequiredValue(modelId);
            var definition = new ModelDefinition(id, PairGbdtKind.KindName, $"{dataset.A.Symbol}-{dataset.B.Symbol}", dataset.A.Symbol, dataset.B.Symbol, aligned.Report.Timeframe, check.Version, ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, overrides), "--model");
            IPredictor predictor = new PairGbdtKind().Load(definition, new VerifiedVersion(folder, check, RestoredFromBackup: false));
            bool asServed = parse.GetValue(served);
            PairEngine engine = new(predictor, asServed
                ? EngineSettings.Load(parse.GetRequiredValue(config).FullName, policy.Alignment, policy.Backtest).For(definition)
                : PairEngineOptions.Replaying(definition, policy.Backtest, policy.Alignment));

            List<Signal> signals = [];
            AnsiConsole.Progress()
                .AutoClear(true)
                .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
                .Start(context =>
                {
                    ProgressTask task = context.AddTask($"replaying {dataset.A.Symbol}/{dataset.B.Symbol}", maxValue: dataset.A.Count + dataset.B.Count);
                    signals = PairReplay.Run(engine, dataset.A, dataset.B, new BarProgress(task), cancellationToken: cancellationToken);
                });

            if (parse.GetValue(output) is FileInfo file)
            {
                WriteLines(file.FullName, signals);
            }

            TradingOutputs trading = predictor.Trading!;
            BacktestResult? backtest = asServed ? null : TrainedModel.Load(folder).Score(aligned, policy.Backtest).Backtest(new Theta(trading.Theta1, trading.Theta2));
            Summarise(engine, signals, backtest, parse.GetValue(output));
            return Task.FromResult(ExitCodes.Success);
        });
        return command;
    }

    private static void AddIf(SortedDictionary<string, double> overrides, string key, double? value)
    {
        if (value is double v)
        {
            overrides[key] = v;
        }
    }

    private static void WriteLines(string path, List<Signal> signals)
    {
        string temporary = path + ".tmp";
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write))
        {
            foreach (Signal signal in signals)
            {
                stream.Write(SignalJson.Serialize(signal));
                stream.WriteByte((byte)'\n');
            }
        }

        File.Move(temporary, path, overwrite: true);
    }

    // With no backtest (--as-served), the replay is the worker's and there is nothing to compare it with.
    private static void Summarise(PairEngine engine, List<Signal> signals, BacktestResult? backtest, FileInfo? output)
    {
        Trade[] comparable = backtest is null ? [] : PairReplay.ExpectedTrades(backtest, engine);
        int same = comparable.Zip(engine.Trades).TakeWhile(x => x.First == x.Second).Count();
        bool equal = backtest is null || (same == comparable.Length && same == engine.Trades.Count);
        var table = new Table().AddColumns("", "").HideHeaders();
        table.AddRow("model version", engine.ModelVersion);
        table.AddRow("bars", (engine.WatermarkIndex + 1).ToString("N0", CultureInfo.InvariantCulture));
        table.AddRow("signals", $"{signals.Count(s => s.Action == SignalAction.Entry):N0} entries, {signals.Count(s => s.Action == SignalAction.Exit):N0} exits");
        table.AddRow("paper equity", $"{engine.Equity:N0} ({(engine.Equity / engine.Options.StartingEquity) - 1:P1})");
        table.AddRow("open at the end", engine.Position.Position is null ? "flat" : "a position");
        table.AddRow("replay = backtest", backtest is null
            ? "not checked: served as the worker serves it (universe lot steps, cost table, drawdown levels)"
            : equal ? $"[green]yes[/]: {same:N0} of {comparable.Length:N0} trades identical" : $"[red]no[/]: the first {same:N0} of {comparable.Length:N0} trades agree, the replay made {engine.Trades.Count:N0}");
        if (output is not null)
        {
            table.AddRow("written", Markup.Escape(output.FullName));
        }

        AnsiConsole.Write(table);
        if (!equal)
        {
            throw new InvalidOperationException("The replay's trades differ from the backtest's; please report it with the version and data.");
        }
    }
}
