using System.CommandLine;
using Alpha.MarketData;
using Alpha.Training;

namespace Alpha.Cli;

/// <summary>What <c>backtest</c> and <c>optimize</c> start from: a verified stored model scoring a pair under the policy.</summary>
internal static class StoredModelOnData
{
    public static (TrainedModel Model, ScoredPair Scored, TrainingPolicy Policy) Load(ParseResult parse, Option<DirectoryInfo> model, PairDataOptions data, Option<DirectoryInfo> config)
    {
        TrainingPolicy policy = PolicyLoader.Load(parse.GetRequiredValue(config).FullName);
        var trained = TrainedModel.Load(parse.GetRequiredValue(model).FullName);
        PairDataset dataset = data.Read(parse);
        AlignedPair pair = PairAligner.Align(dataset.A, dataset.B, policy.Alignment);
        return (trained, trained.Score(pair, policy.Backtest), policy);
    }
}
