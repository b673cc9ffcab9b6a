using System.CommandLine;
using Alpha.Training;

namespace Alpha.Cli;

/// <summary><c>alpha train --config configs/ --data A.csv B.csv --out models/ [--previous models/&lt;version&gt;]</c>.</summary>
internal static class TrainCommand
{
    public static Command Create()
    {
        Option<DirectoryInfo> config = CliOptions.Config(required: true);
        var data = new PairDataOptions();
        var output = new Option<DirectoryInfo>("--out") { Description = "The models folder; the version is written to <out>/<version>/.", Required = true };
        var previous = new Option<DirectoryInfo?>("--previous") { Description = "The deployed version: θ stabilisation starts from it and adoption compares with it." };
        var command = new Command("train", "Run the whole retrain flow on a pair and store a checksummed model version.") { config, data.Files, data.Quote, output, previous };
        command.SetAction((parse, cancellationToken) =>
        {
            TrainingPolicy policy = PolicyLoader.Load(parse.GetRequiredValue(config).FullName);
            PairDataset dataset = data.Read(parse);
            DeployedModel? deployed = parse.GetValue(previous) is DirectoryInfo p ? DeployedModel.Load(p.FullName) : null;
            Training.Run(policy, dataset, deployed, parse.GetRequiredValue(output).FullName, cancellationToken);
            return Task.FromResult(0);
        });
        return command;
    }
}
