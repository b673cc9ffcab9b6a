using Alpha.Boosting.LightGbm;
using Alpha.Boosting.XGBoost;
using Alpha.Boosting.Training;
using Alpha.MarketData;

namespace Alpha.Training.Tests;

/// <summary>One retrain run on a small synthetic pair, shared by the flow tests (each run takes a second or two).</summary>
public sealed class FlowFixture
{
    private readonly Lazy<RetrainResult> _result;
    private readonly Lazy<RetrainResult> _lightGbm;

    public FlowFixture()
    {
        (A, B) = SyntheticPair.Generate(Options);
        _result = new Lazy<RetrainResult>(() => Run(A, B));
        _lightGbm = new Lazy<RetrainResult>(() => Run(A, B, booster: "lightgbm"));
    }

    public static SyntheticPairOptions Options { get; } = new() { Seed = 3, Bars = 4_000 };

    public BarSeries A { get; }

    public BarSeries B { get; }

    /// <summary>The run with the default booster (XGBoost).</summary>
    public RetrainResult Result => _result.Value;

    /// <summary>The run with <paramref name="booster"/> (xgboost or lightgbm).</summary>
    public RetrainResult ResultOf(string booster) => booster == "lightgbm" ? _lightGbm.Value : _result.Value;

    /// <summary>The default policy, training with <paramref name="booster"/> (one thread per booster, as the default XGBoost policy).</summary>
    public static TrainingPolicy Policy(string booster) => booster == "lightgbm"
        ? TrainingPolicy.Default with { Booster = new LightGbmParameters { Threads = 1, Seed = TrainingPolicy.Default.Seed } }
        : TrainingPolicy.Default;

    /// <summary>Runs the flow with both trainers registered, as the alpha tool registers them.</summary>
    public static RetrainResult Run(BarSeries a, BarSeries b, IProgress<RetrainProgress>? progress = null, string booster = "xgboost", CancellationToken cancellationToken = default) =>
        new RetrainFlow(Policy(booster), [new XGBoostTrainer(), new LightGbmTrainer()])
            .Run(PairDataset.FromSeries(a, b), progress: progress, cancellationToken: cancellationToken);
}
