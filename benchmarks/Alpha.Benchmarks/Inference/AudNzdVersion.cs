using Alpha.Boosting.XGBoost;
using Alpha.Inference;
using Alpha.MarketData;
using Alpha.Registry;
using Alpha.Training;

namespace Alpha.Benchmarks.Inference;

/// <summary>
/// A real AUD/NZD version — the retrain flow with the default policy (XGBoost boosters, isotonic calibrators, θ
/// searched) on ../shared/data/fx-audnzd, stored and verified — and the pair's bars; engines over it as
/// <c>alpha replay</c> builds them (the backtest's sizing and costs, no drawdown levels).
/// </summary>
internal sealed class AudNzdVersion
{
    private AudNzdVersion(string folder, BarSeries a, BarSeries b)
    {
        Folder = folder;
        A = a;
        B = b;
        Definition = new ModelDefinition("audnzd-h4", PairGbdtKind.KindName, "AUDUSD-NZDUSD", "AUDUSD", "NZDUSD", TimeSpan.FromHours(4), ModelDefinition.Deployed, System.Collections.Immutable.ImmutableSortedDictionary<string, double>.Empty, "audnzd-h4.yaml");
        Predictor = new PairGbdtKind().Load(Definition, new VerifiedVersion(folder, ModelStore.Verify(folder), RestoredFromBackup: false));
    }

    public string Folder { get; }

    public BarSeries A { get; }

    public BarSeries B { get; }

    public ModelDefinition Definition { get; }

    public IPredictor Predictor { get; }

    public static AudNzdVersion Train(string? dataFolder = null)
    {
        dataFolder ??= RepositoryPaths.SharedData("fx-audnzd");
        var data = PairDataset.FromFiles(Path.Combine(dataFolder, "AUDUSD_H4.csv"), Path.Combine(dataFolder, "NZDUSD_H4.csv"));
        RetrainResult result = new RetrainFlow(TrainingPolicy.Default, [new XGBoostTrainer()]).Run(data);
        string folder = ModelStore.Write(result.Artifacts, Directory.CreateTempSubdirectory("alpha-inference-bench-").FullName, TimeProvider.System);
        return new AudNzdVersion(folder, data.A, data.B);
    }

    public PairEngine Engine() => new(Predictor, PairEngineOptions.Replaying(Definition, TrainingPolicy.Default.Backtest, TrainingPolicy.Default.Alignment));
}
