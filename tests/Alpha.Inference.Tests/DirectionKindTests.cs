using Alpha.Boosting;
using Alpha.Boosting.LightGbm;
using Alpha.Features;
using Alpha.Inference;
using Alpha.MarketData;
using Alpha.Registry;
using Alpha.Training;

namespace Alpha.Inference.Tests;

/// <summary>
/// The built-in <c>direction-3class</c> kind: a direction version registered and deployed, served through the catalogue
/// as the API serves a feature row — the booster's probabilities on the version's own scaling — refused by the worker
/// (a prediction, not a trading kind), and a pair-gbdt version refused as a direction one.
/// </summary>
public sealed class DirectionKindTests(TrainedVersion pairVersion) : IClassFixture<TrainedVersion>
{
    private const string Catalogue = "kind: direction-3class\npair: { id: A-B, leg_a: A, leg_b: B, timeframe: 4h }\nversion: deployed\n";

    [Fact]
    public async Task ADeployedDirectionVersion_ServesItsProbabilities_ForAFeatureRow()
    {
        (BarSeries a, BarSeries b) = SyntheticPair.Generate(new SyntheticPairOptions { Seed = 3, Bars = 4_000 });
        DirectionResult trained = new DirectionFlow(TrainedVersion.Policy, [new LightGbmTrainer()]).Run(PairDataset.FromSeries(a, b));
        string models = Directory.CreateTempSubdirectory("alpha-direction-kind-").FullName;
        ModelRegistry registry = ModelRegistry.Embedded(new RegistryOptions { ModelsRoot = models, Trust = ModelTrust.ChecksumsOnly });
        var actor = new RegistryActor("tests", "ops");
        string version = (await registry.WriteAsync("ab-direction", trained.Artifacts, actor)).Version;
        await registry.PromoteAsync("ab-direction", version, actor, "test");
        await registry.ApproveAsync("ab-direction", version, actor, "test");
        await registry.DeployAsync("ab-direction", version, actor, "test");
        string catalogueFolder = Directory.CreateTempSubdirectory("alpha-direction-catalogue-").FullName;
        File.WriteAllText(Path.Combine(catalogueFolder, "ab-direction.yaml"), Catalogue);
        ModelDefinition definition = ModelCatalogue.Load(catalogueFolder, PredictorKinds.BuiltIn).Models.Single();
        FeatureFrame frame = PairFeatures.Compute(PairAligner.Align(a, b, TrainedVersion.Policy.Alignment), TrainedVersion.Policy.Features);
        int bar = Enumerable.Range(0, frame.Count).Last(frame.IsReady);
        double[] features = new double[FeatureNames.Count];
        frame.CopyRow(bar, features);

        var settings = new EngineSettings
        {
            Universe = Sizing.Universe.Create("USD", [new Sizing.InstrumentSpec { Symbol = "A", QuoteCurrency = "USD" }, new Sizing.InstrumentSpec { Symbol = "B", QuoteCurrency = "USD" }], [new Sizing.PairSpec("A-B", "A", "B")]),
        };
        var predictions = new ModelPredictions(PredictorKinds.BuiltIn, registry, settings);
        FeaturePrediction served = await predictions.PredictAsync(definition, features, CancellationToken.None);

        var schema = FeatureSchema.FromJson(File.ReadAllText(Path.Combine(models, version, ModelFiles.FeatureSchema)));
        double[] scaled = new double[FeatureNames.Count], expected = new double[3];
        schema.Scaler.TransformForBooster(features, scaled);
        BoostedTreeModel.Load(Path.Combine(models, version, ModelFiles.DirectionModel)).Predict(scaled, expected);
        Assert.Equal((version, 3), (served.ModelVersion, served.Outputs.Length));
        Assert.Equal(expected, served.Outputs.ToArray());
        Assert.Equal(1.0, served.Outputs.Sum(), 12);
        Assert.Null(served.Trading);
        Assert.Equal(scaled, served.Input.ToArray());

        var engines = new EngineLoader(PredictorKinds.BuiltIn, registry, settings, "tests");
        Alpha.Configuration.ConfigException refused = await Assert.ThrowsAsync<Alpha.Configuration.ConfigException>(() => engines.LoadAllAsync([definition], [], CancellationToken.None));
        Assert.Contains("makes predictions, not trading signals", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void APairGbdtVersion_IsNotADirectionVersion()
    {
        var definition = new ModelDefinition("x", DirectionParameters.KindName, "A-B", "A", "B", TimeSpan.FromHours(4), "deployed",
            System.Collections.Immutable.ImmutableSortedDictionary<string, double>.Empty, "x.yaml");

        InvalidDataException e = Assert.Throws<InvalidDataException>(() => new DirectionKind().Load(definition, pairVersion.Verified));

        Assert.Contains($"is not a {DirectionParameters.KindName} version", e.Message, StringComparison.Ordinal);
        Assert.Contains(ModelFiles.DirectionParams, e.Message, StringComparison.Ordinal);
    }
}
