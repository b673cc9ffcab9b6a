using Alpha.Boosting.XGBoost;
using Alpha.Boosting.Training;
using Alpha.MarketData;

namespace Alpha.Training.Tests;

/// <summary>One retrain run on a small synthetic pair, shared by the flow tests (each run takes a second or two).</summary>
public sealed class FlowFixture
{
    private readonly Lazy<RetrainResult> _result;

    public FlowFixture()
    {
        (A, B) = SyntheticPair.Generate(Options);
        _result = new Lazy<RetrainResult>(() => Run(A, B));
    }

    public static SyntheticPairOptions Options { get; } = new() { Seed = 3, Bars = 4_000 };

    public BarSeries A { get; }

    public BarSeries B { get; }

    public RetrainResult Result => _result.Value;

    public static RetrainResult Run(BarSeries a, BarSeries b, IProgress<RetrainProgress>? progress = null, CancellationToken cancellationToken = default) =>
        new RetrainFlow(TrainingPolicy.Default, [new XGBoostTrainer()])
            .Run(PairDataset.FromSeries(a, b), progress: progress, cancellationToken: cancellationToken);
}
