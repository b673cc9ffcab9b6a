using Alpha.Boosting.LightGbm;
using Alpha.Boosting.Training;
using Alpha.Inference;
using Alpha.MarketData;
using Alpha.Registry;
using Alpha.Signals;
using Alpha.Training;

namespace Alpha.Worker.Tests;

/// <summary>
/// The real AUD/NZD 4-hour pair trained once (LightGBM, one thread, the repository's policies), signed, and deployed as
/// <c>audnzd-h4</c> in a temporary models root — the catalogue entry of <c>configs/models</c> — with the signals an
/// offline replay of the same bars makes through the engine the worker builds (the same loader and settings).
/// </summary>
public sealed class DeployedPair
{
    public const string ModelId = "audnzd-h4";

    public DeployedPair()
    {
        FileA = TestEnvironment.SharedFile("fx-audnzd", "AUDUSD_H4.csv");
        FileB = TestEnvironment.SharedFile("fx-audnzd", "NZDUSD_H4.csv");
        A = BarFiles.Load(FileA);
        B = BarFiles.Load(FileB);
        Configs = RelaxedConfigs();
        TrainingPolicy configured = PolicyLoader.Load(Configs);
        TrainingPolicy policy = configured with { Booster = new LightGbmParameters { Threads = 1, Seed = configured.Seed } };
        RetrainResult result = new RetrainFlow(policy, [new LightGbmTrainer()]).Run(PairDataset.FromSeries(A, B));

        ModelsRoot = Directory.CreateTempSubdirectory("alpha-worker-models-").FullName;
        TrustedKeys = Directory.CreateTempSubdirectory("alpha-worker-keys-").FullName;
        SigningKey = ModelSigningKey.Create();
        File.WriteAllText(Path.Combine(TrustedKeys, "training.public.pem"), SigningKey.ExportPublicKeyPem());
        Artifacts = result.Artifacts;
        ModelRegistry registry = Registry();
        var actor = new RegistryActor("worker-tests", "ops");
        ModelVersionState state = registry.WriteAsync(ModelId, result.Artifacts, actor, SigningKey).GetAwaiter().GetResult();
        Version = state.Version;
        registry.PromoteAsync(ModelId, Version, actor, "test").GetAwaiter().GetResult();
        registry.ApproveAsync(ModelId, Version, actor, "test").GetAwaiter().GetResult();
        registry.DeployAsync(ModelId, Version, actor, "test").GetAwaiter().GetResult();

        Settings = EngineSettings.Load(Configs, configured.Alignment, configured.Backtest);
        ModelCatalogue catalogue = ModelCatalogue.Load(Catalogue, PredictorKinds.BuiltIn);
        PairEngine engine = Assert.Single(new EngineLoader(PredictorKinds.BuiltIn, registry, Settings, "offline-replay").LoadAllAsync(catalogue.Models, [], CancellationToken.None).GetAwaiter().GetResult());
        ExpectedSignals = PairReplay.Run(engine, A, B);
        ExpectedWatermark = engine.Watermark;
        Assert.NotEmpty(ExpectedSignals);
    }

    /// <summary>The repository's policy folder.</summary>
    public static string RepositoryConfigs => Path.Combine(TestEnvironment.RepositoryRoot, "configs");

    /// <summary>
    /// The repository's policies, but for drawdown levels this pair's paper equity never reaches: a worker with an
    /// operator-flag store latches a level it reaches until an operator resumes, which an offline replay cannot know,
    /// so the tests that compare with one keep away from them (the drawdown test uses <see cref="RepositoryConfigs"/>).
    /// </summary>
    public string Configs { get; }

    public string Catalogue => Path.Combine(Configs, "models");

    public string FileA { get; }

    public string FileB { get; }

    public BarSeries A { get; }

    public BarSeries B { get; }

    public string ModelsRoot { get; }

    public string TrustedKeys { get; }

    public string Version { get; }

    /// <summary>The training key the trusted folder holds (to sign more versions).</summary>
    public ModelSigningKey SigningKey { get; }

    /// <summary>What the retrain flow made (to store it again as another version).</summary>
    public IReadOnlyDictionary<string, System.Collections.Immutable.ImmutableArray<byte>> Artifacts { get; }

    /// <summary>The engine settings the worker reads from <see cref="Configs"/>.</summary>
    public EngineSettings Settings { get; }

    /// <summary>What an offline replay of every bar emits, in order.</summary>
    public List<Signal> ExpectedSignals { get; }

    /// <summary>The last bar the offline replay decided (UTC).</summary>
    public DateTime ExpectedWatermark { get; }

    /// <summary>The expected signals as the JSON each target writes.</summary>
    public string[] ExpectedJson => [.. ExpectedSignals.Select(s => System.Text.Encoding.UTF8.GetString(SignalJson.Serialize(s)))];

    /// <summary>The registry of <paramref name="modelsRoot"/> (default <see cref="ModelsRoot"/>), trusting <see cref="TrustedKeys"/> unless told otherwise.</summary>
    public ModelRegistry Registry(string? modelsRoot = null, TimeProvider? time = null, ModelTrust? trust = null) =>
        ModelRegistry.Embedded(new RegistryOptions { ModelsRoot = modelsRoot ?? ModelsRoot, Trust = trust ?? ModelTrust.FromFolder(TrustedKeys) }, time);

    /// <summary>A copy of <see cref="ModelsRoot"/> (versions and registry log), for a test that deploys versions of its own.</summary>
    public string CopyModelsRoot() => TestFolders.CopyOf(ModelsRoot, "alpha-worker-models-copy-");

    private static string RelaxedConfigs()
    {
        string folder = TestFolders.CopyOf(RepositoryConfigs, "alpha-worker-configs-");

        File.WriteAllText(Path.Combine(folder, "dd_policy.yaml"), """
            # Levels the AUD/NZD paper equity never reaches (see DeployedPair.Configs).
            pair: { warn: 1.0, warn_scale: 1.0, halt: 1.0, flatten: 1.0 }
            global: { warn: 1.0, warn_scale: 1.0, halt: 1.0, flatten: 1.0 }
            """);
        return folder;
    }

    /// <summary>The worker's settings for this pair, as environment variables (plus <paramref name="more"/>).</summary>
    public Dictionary<string, string?> Environment(string folder, params (string Key, string Value)[] more)
    {
        var env = new Dictionary<string, string?>
        {
            ["SERVICE_ENV"] = "test",
            ["Worker__ModelsRoot"] = ModelsRoot,
            ["Worker__Catalogue"] = Catalogue,
            ["Worker__Configs"] = Configs,
            ["Worker__TrustedKeys"] = TrustedKeys,
            ["Worker__Outbox"] = Path.Combine(folder, "outbox.db"),
            ["Worker__HostName"] = "worker-test",
            ["Worker__ExpireStaleBars"] = "false",
        };
        foreach ((string k, string v) in more)
        {
            env[k] = v;
        }

        return env;
    }
}
