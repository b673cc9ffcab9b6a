using System.CommandLine;
using Alpha.MarketData;
using Alpha.Registry;
using Alpha.Retraining;
using Alpha.Storage.Postgres;
using Alpha.Training;
using Npgsql;

namespace Alpha.Cli;

/// <summary>
/// What every <c>alpha retrain</c> command shares: the model id (the schedule), the policy folder, the models folder, the
/// pair's bars (files re-read at each run, or the live bars in <c>core.bars</c>), and where runs, leadership, requests
/// and the registry live — <c>&lt;models&gt;/.retrain/</c> and the folder's registry by default, PostgreSQL with
/// <c>--postgres</c> (<c>POSTGRES_URL</c>).
/// </summary>
internal sealed class RetrainSetup
{
    public Option<string> ModelId { get; } = new("--model-id") { Description = "The model id to retrain: the registry scope, the schedule's id and /ops/retrain's model.", Required = true };

    public Option<DirectoryInfo> Config { get; } = CliOptions.Config(required: true);

    public Option<DirectoryInfo> Models { get; } = new("--models") { Description = "The models folder the versions are written to (models_root).", Required = true };

    public PairDataOptions Data { get; } = new(required: false);

    public Option<string[]> LiveBars { get; } = new("--live-bars")
    {
        Description = "Train on the live bars the worker stored in core.bars (POSTGRES_URL) instead of --data: leg A's and leg B's symbols.",
        Arity = new ArgumentArity(2, 2),
        AllowMultipleArgumentsPerToken = true,
    };

    public Option<int> TimeframeMinutes { get; } = CliOptions.Integer("--timeframe-minutes", "With --live-bars: the bars' timeframe in minutes.", 240, 1, 10080);

    public Option<bool> Postgres { get; } = new("--postgres")
    {
        Description = "Keep runs in audit.retrain_runs, lead through pg_try_advisory_lock, take /ops/retrain requests and use the PostgreSQL registry (POSTGRES_URL) instead of <models>/.retrain/ and <models>/.registry.",
    };

    public Option<FileInfo?> SigningKey { get; } = new("--signing-key") { Description = "The training key (private PEM, from 'alpha keys new') that signs each version; without it versions are unsigned." };

    public IEnumerable<Option> Options => [ModelId, Config, Models, Data.Files, Data.Quote, LiveBars, TimeframeMinutes, Postgres, SigningKey];

    /// <summary>This process, as recorded with its runs.</summary>
    public static string Host => $"{Environment.MachineName}:{Environment.ProcessId}";

    /// <summary>Opens the stores the options name; dispose it to close the database.</summary>
    public RetrainStores Open(ParseResult parse)
    {
        string models = parse.GetRequiredValue(Models).FullName;
        string modelId = parse.GetRequiredValue(ModelId);
        ModelIds.EnsureValid(modelId);
        TrainingPolicy policy = PolicyLoader.Load(parse.GetRequiredValue(Config).FullName);
        ModelSigningKey? key = parse.GetValue(SigningKey) is FileInfo k ? ModelSigningKey.Load(k.FullName) : null;
        var registryOptions = new RegistryOptions
        {
            ModelsRoot = models,
            Trust = key is null ? ModelTrust.ChecksumsOnly : new ModelTrust([key.ExportPublicKeyPem()]),
            KeepVersions = policy.KeepVersions,
        };
        bool files = parse.GetValue(Data.Files) is { Length: > 0 }, live = parse.GetValue(LiveBars) is { Length: > 0 };
        if (files == live)
        {
            throw new ArgumentException("Give the pair's bars either as --data A B or as --live-bars SYMBOL_A SYMBOL_B, not both.");
        }

        string folder = Path.Combine(models, ".retrain");
        Directory.CreateDirectory(Path.Combine(folder, "logs"));
        NpgsqlDataSource? db = parse.GetValue(Postgres) || live ? DatabaseUrl.Open() : null;
        Func<CancellationToken, Task<PairDataset>> bars = live ? LiveBarsOf(parse, db!) : _ => Task.Run(() => Data.Read(parse));
        return parse.GetValue(Postgres)
            ? new RetrainStores(modelId, models, policy, key, new ModelRegistry(new PostgresRegistryStore(db!), registryOptions), new PostgresRetrainRunStore(db!),
                new PostgresRetrainLeaderLock(db!), new PostgresRetrainRequests(db!), bars, Path.Combine(folder, "logs"), db)
            : new RetrainStores(modelId, models, policy, key, ModelRegistry.Embedded(registryOptions), new JsonLinesRetrainRunStore(Path.Combine(folder, "runs.jsonl")),
                new FileRetrainLeaderLock(folder), null, bars, Path.Combine(folder, "logs"), db);
    }

    private Func<CancellationToken, Task<PairDataset>> LiveBarsOf(ParseResult parse, NpgsqlDataSource db)
    {
        string[] symbols = parse.GetRequiredValue(LiveBars);
        var timeframe = TimeSpan.FromMinutes(parse.GetValue(TimeframeMinutes));
        return ct => VersionMonitor.LiveBarsAsync(db, symbols[0], symbols[1], timeframe, ct);
    }
}
