using System.CommandLine;
using Alpha.Registry;
using Alpha.Training;

namespace Alpha.Cli;

/// <summary><c>alpha train --config configs/ --data A.csv B.csv --out models/ [--previous models/&lt;version&gt;] [--model-id id] [--signing-key key.pem] [--flow pair|direction]</c>.</summary>
internal static class TrainCommand
{
    public static Command Create()
    {
        Option<DirectoryInfo> config = CliOptions.Config(required: true);
        var data = new PairDataOptions();
        var output = new Option<DirectoryInfo>("--out") { Description = "The models folder; the version is written to <out>/<version>/.", Required = true };
        var previous = new Option<DirectoryInfo?>("--previous") { Description = "The version to compare with: θ stabilisation starts from it and adoption compares with it (default: the model id's deployed version in the registry)." };
        var modelId = new Option<string>("--model-id") { Description = "The model id (registry scope) the version is registered under.", DefaultValueFactory = _ => "pair" };
        var signingKey = new Option<FileInfo?>("--signing-key") { Description = "The training key (private PEM, from 'alpha keys new') that signs the version; without it the version is unsigned." };
        var flow = new Option<string>("--flow")
        {
            Description = "pair: the pair-trading models AI1 + AI2 with θ, backtest and adoption (default); direction: seed 001's 3-class up / range / down model of the spread (LightGBM multiclass; catalogue kind direction-3class).",
            DefaultValueFactory = _ => "pair",
        };
        flow.AcceptOnlyFromAmong("pair", "direction");
        var command = new Command("train", "Run the whole retrain flow on a pair, store a checksummed (and signed) model version and register it.")
        {
            config, data.Files, data.Quote, output, previous, modelId, signingKey, flow,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            ModelSigningKey? key = parse.GetValue(signingKey) is FileInfo k ? ModelSigningKey.Load(k.FullName) : null;
            TrainingPolicy policy = PolicyLoader.Load(parse.GetRequiredValue(config).FullName);
            PairDataset dataset = data.Read(parse);
            if (parse.GetRequiredValue(flow) == "direction")
            {
                await Training.RunDirectionAsync(policy, dataset, parse.GetRequiredValue(output).FullName, parse.GetRequiredValue(modelId), key, cancellationToken);
                return ExitCodes.Success;
            }

            DeployedModel? deployed = parse.GetValue(previous) is DirectoryInfo p ? DeployedModel.Load(p.FullName) : null;
            await Training.RunAsync(policy, dataset, deployed, parse.GetRequiredValue(output).FullName, parse.GetRequiredValue(modelId), key, cancellationToken);
            return ExitCodes.Success;
        });
        return command;
    }
}
