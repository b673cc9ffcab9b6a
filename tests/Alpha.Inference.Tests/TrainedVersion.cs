using Alpha.Backtesting;
using Alpha.Boosting.LightGbm;
using Alpha.Boosting.Training;
using Alpha.Inference;
using Alpha.MarketData;
using Alpha.Registry;
using Alpha.Signals;
using Alpha.Training;

namespace Alpha.Inference.Tests;

/// <summary>
/// One version trained by the retrain flow (LightGBM, one thread) on a synthetic pair and stored, shared by the tests:
/// the engine serves it through the pair-gbdt kind, the backtest scores it through <see cref="TrainedModel"/>.
/// </summary>
public sealed class TrainedVersion
{
    private static readonly DateTimeOffset s_now = new(2026, 12, 7, 9, 30, 0, TimeSpan.Zero);

    public TrainedVersion()
    {
        (BarSeries a, BarSeries b) = SyntheticPair.Generate(new SyntheticPairOptions { Seed = 3, Bars = 4_000 });
        RetrainResult result = new RetrainFlow(Policy, [new LightGbmTrainer()]).Run(PairDataset.FromSeries(a, b));
        Folder = ModelStore.Write(result.Artifacts, Directory.CreateTempSubdirectory("alpha-inference-").FullName, new ManualTimeProvider(s_now));
        Model = TrainedModel.Load(Folder);
    }

    public static TrainingPolicy Policy { get; } = TrainingPolicy.Default with { Booster = new LightGbmParameters { Threads = 1, Seed = TrainingPolicy.Default.Seed } };

    /// <summary>The version folder.</summary>
    public string Folder { get; }

    /// <summary>The version loaded for backtests.</summary>
    public TrainedModel Model { get; }

    /// <summary>The version verified, as the registry hands it to a kind.</summary>
    public VerifiedVersion Verified => new(Folder, ModelStore.Verify(Folder), RestoredFromBackup: false);

    /// <summary>A catalogue entry for it, with θ overridden when given.</summary>
    public static ModelDefinition Definition(double? theta1 = null, double? theta2 = null)
    {
        var overrides = new SortedDictionary<string, double>(StringComparer.Ordinal);
        if (theta1 is double t1)
        {
            overrides["theta1"] = t1;
        }

        if (theta2 is double t2)
        {
            overrides["theta2"] = t2;
        }

        return new ModelDefinition("synthetic-h4", PairGbdtKind.KindName, "A-B", "A", "B", TimeSpan.FromHours(4), ModelDefinition.Deployed, System.Collections.Immutable.ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, overrides), "synthetic-h4.yaml");
    }

    /// <summary>An engine over this version, sized and costed as the default backtest policy, with no drawdown levels.</summary>
    public PairEngine Engine(double? theta1 = null, double? theta2 = null, Func<PairEngineOptions, PairEngineOptions>? configure = null)
    {
        ModelDefinition definition = Definition(theta1, theta2);
        IPredictor predictor = new PairGbdtKind().Load(definition, Verified);
        PairEngineOptions options = PairEngineOptions.Replaying(definition, Policy.Backtest, Policy.Alignment);
        return new PairEngine(predictor, configure is null ? options : configure(options));
    }

    /// <summary>The backtest of the same version on the same bars at the same θ.</summary>
    public BacktestResult Backtest(BarSeries a, BarSeries b, double theta1, double theta2)
    {
        AlignedPair pair = PairAligner.Align(a, b, Policy.Alignment with { Timeframe = TimeSpan.FromHours(4) });
        return Model.Score(pair, Policy.Backtest).Backtest(new Optimization.Theta(theta1, theta2));
    }
}
