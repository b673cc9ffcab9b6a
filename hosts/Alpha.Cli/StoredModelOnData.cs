using System.CommandLine;
using Alpha.MarketData;
using Alpha.Training;

namespace Alpha.Cli;

/// <summary>What <c>backtest</c> and <c>optimize</c> start from: a verified stored model scoring a pair under the policy.</summary>
internal static class StoredModelOnData
{
    public static (TrainedModel Model, ScoredPair Scored, TrainingPolicy Policy) Load(ParseResult parse, Option<DirectoryInfo> model, Option<FileInfo[]> data, Option<DirectoryInfo> config)
    {
        TrainingPolicy policy = PolicyLoader.Load(parse.GetRequiredValue(config).FullName);
        var trained = TrainedModel.Load(parse.GetRequiredValue(model).FullName);
        FileInfo[] files = parse.GetRequiredValue(data);
        var dataset = PairDataset.FromCsv(files[0].FullName, files[1].FullName);
        AlignedPair pair = PairAligner.Align(dataset.A, dataset.B, policy.Alignment);
        return (trained, trained.Score(pair, policy.Backtest), policy);
    }
}
