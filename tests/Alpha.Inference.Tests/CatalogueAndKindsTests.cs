using Alpha.Configuration;
using Alpha.Inference;
using Alpha.MarketData;
using Alpha.Samples;
using Alpha.Signals;
using Alpha.Training;
using Microsoft.Extensions.DependencyInjection;

namespace Alpha.Inference.Tests;

/// <summary>The model catalogue (validated at load, typed errors naming file and key) and predictor kinds registered through DI.</summary>
public sealed class CatalogueAndKindsTests(TrainedVersion version) : IClassFixture<TrainedVersion>
{
    private const string Valid = "kind: pair-gbdt\npair: { id: AUDUSD-NZDUSD, leg_a: AUDUSD, leg_b: NZDUSD, timeframe: 4h }\nversion: deployed\noverrides: { theta1: 0.72 }\n";

    private static string Folder(params (string File, string Yaml)[] files)
    {
        string folder = Directory.CreateTempSubdirectory("alpha-catalogue-").FullName;
        foreach ((string file, string yaml) in files)
        {
            File.WriteAllText(Path.Combine(folder, file), yaml);
        }

        return folder;
    }

    private static PredictorKinds Kinds() => new ServiceCollection().AddAlphaInference().AddPredictorKind<ZScoreLogisticKind>()
        .BuildServiceProvider().GetRequiredService<PredictorKinds>();

    [Fact]
    public void Load_ReadsEveryEntry()
    {
        string custom = "kind: zscore-logistic\npair: { id: EURUSD-GBPUSD, leg_a: EURUSD, leg_b: GBPUSD, timeframe: 1h }\nversion: 20261207_0930_abcdef1\noverrides: { slope: 1.5 }\n";
        ModelCatalogue catalogue = ModelCatalogue.Load(Folder(("audnzd-h4.yaml", Valid), ("eurgbp-h1.yaml", custom)), Kinds());

        Assert.Equal(["audnzd-h4", "eurgbp-h1"], catalogue.Models.Select(m => m.ModelId));
        ModelDefinition audnzd = catalogue.Find("audnzd-h4")!;
        Assert.Equal(("pair-gbdt", "AUDUSD-NZDUSD", "AUDUSD", "NZDUSD", TimeSpan.FromHours(4), "deployed", 0.72), (audnzd.Kind, audnzd.PairId, audnzd.LegA, audnzd.LegB, audnzd.Timeframe, audnzd.Version, audnzd.Overrides["theta1"]));
        Assert.Equal(("zscore-logistic", "20261207_0930_abcdef1", 1.5), (catalogue.Models[1].Kind, catalogue.Models[1].Version, catalogue.Models[1].Override("slope", 0)));
    }

    [Theory]
    [InlineData("kind: pair-gbdt\n", "pair", "missing")]
    [InlineData("kind: xgb-magic\npair: { id: P, leg_a: A, leg_b: B, timeframe: 4h }\nversion: deployed\n", "kind", "not a kind this host serves (direction-3class, pair-gbdt, zscore-logistic)")]
    [InlineData("kind: pair-gbdt\npair: { id: P, leg_a: A, leg_b: A, timeframe: 4h }\nversion: deployed\n", "pair.leg_b", "is leg A too")]
    [InlineData("kind: pair-gbdt\npair: { id: P, leg_a: A, leg_b: B, timeframe: 4 hours }\nversion: deployed\n", "pair.timeframe", "is not a timeframe")]
    [InlineData("kind: pair-gbdt\npair: { id: P, leg_a: A, leg_b: B, timeframe: 4h }\nversion: latest\n", "version", "neither 'deployed' nor a model version")]
    [InlineData("kind: pair-gbdt\npair: { id: P, leg_a: A, leg_b: B, timeframe: 4h }\nversion: deployed\noverrides: { theta1: 1.5 }\n", "overrides.theta1", "outside [0, 1]")]
    [InlineData("kind: pair-gbdt\npair: { id: P, leg_a: A, leg_b: B, timeframe: 4h }\nversion: deployed\noverrides: { slope: 2 }\n", "overrides.slope", "does not allow this override (it allows theta1, theta2)")]
    [InlineData("kind: pair-gbdt\npair: { id: P, leg_a: A, leg_b: B, timeframe: 4h }\nversion: deployed\nverison: 2\n", "verison", "unknown key")]
    public void Load_BadEntry_NamesFileAndKey(string yaml, string key, string problem)
    {
        ConfigException e = Assert.Throws<ConfigException>(() => ModelCatalogue.Load(Folder(("bad-model.yaml", yaml)), Kinds()));
        Assert.Equal(("bad-model.yaml", key), (e.File, e.Key));
        Assert.Contains(problem, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_FileNameThatIsNoModelId_IsRefused() =>
        Assert.Contains("is not a model id", Assert.Throws<ConfigException>(() => ModelCatalogue.Load(Folder(("AUD NZD.yaml", Valid)), Kinds())).Message, StringComparison.Ordinal);

    [Fact]
    public void Kinds_TwoWithOneName_AreRefused() =>
        Assert.Throws<ArgumentException>(() => new PredictorKinds([new PairGbdtKind(), new PairGbdtKind()]));

    [Fact]
    public void CustomKind_RegisteredThroughDI_ServesSignals()
    {
        (BarSeries a, BarSeries b) = SyntheticPair.Generate(new SyntheticPairOptions { Seed = 21, Bars = 3_000 });
        string catalogue = Folder(("zscore-h4.yaml", "kind: zscore-logistic\npair: { id: A-B, leg_a: A, leg_b: B, timeframe: 4h }\nversion: deployed\noverrides: { intercept: -3, slope: 2 }\n"));
        PredictorKinds kinds = Kinds();
        ModelDefinition definition = ModelCatalogue.Load(catalogue, kinds).Models.Single();
        IPredictor predictor = kinds.Find(definition.Kind)!.Load(definition, version.Verified);
        var engine = new PairEngine(predictor, new PairEngineOptions
        {
            ModelId = definition.ModelId,
            PairId = definition.PairId,
            LegA = new Sizing.InstrumentSpec { Symbol = "A", QuoteCurrency = "USD" },
            LegB = new Sizing.InstrumentSpec { Symbol = "B", QuoteCurrency = "USD" },
            Timeframe = definition.Timeframe,
        });

        List<Signal> signals = PairReplay.Run(engine, a, b);
        Signal entry = signals.First(s => s.Action == SignalAction.Entry);
        double expected = 1 / (1 + Math.Exp(-(-3 + (2 * Math.Abs(entry.ZScore)))));
        Assert.Equal(expected, entry.ReturnProb, 12);
        Assert.Equal("zscore-h4", entry.ModelId);
        Assert.True(engine.Trades.Count > 0);
    }
}
