using System.Collections.Immutable;
using Alpha.Inference;
using Alpha.Hosting;
using Microsoft.Extensions.Configuration;

namespace Alpha.Worker;

/// <summary>
/// The worker's settings, from appsettings.json and the environment (docs/worker.md lists every key), validated at
/// start-up: a missing or invalid one is a <see cref="HostSettingsException"/> naming it, and the worker does not start.
/// Connection strings are never logged.
/// </summary>
internal sealed record WorkerSettings
{
    public required string ServiceEnv { get; init; }

    public required WorkerMode Mode { get; init; }

    public required string ModelsRoot { get; init; }

    public required string Catalogue { get; init; }

    public required string Configs { get; init; }

    public string? TrustedKeys { get; init; }

    public required bool RequireSignature { get; init; }

    public required string Outbox { get; init; }

    public ImmutableArray<string> Replay { get; init; } = [];

    public string? Output { get; init; }

    public string? RedisUrl { get; init; }

    public string? PostgresUrl { get; init; }

    public required string KeyPrefix { get; init; }

    public required string HostName { get; init; }

    public int? MetricsPort { get; init; }

    /// <summary>The shards this worker serves (or waits for); empty for every shard of the catalogue.</summary>
    public ImmutableArray<string> Shards { get; init; } = [];

    /// <summary>How long a shard lease lasts once taken or extended (Redis mode).</summary>
    public required TimeSpan LeaseDuration { get; init; }

    public required WorkerOptions Loop { get; init; }

    public static WorkerSettings Read(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var w = new HostSettings("alpha-worker", configuration, "Worker");
        string modeText = w.Required("Mode");
        WorkerMode mode = modeText switch
        {
            "embedded" => WorkerMode.Embedded,
            "redis" => WorkerMode.Redis,
            _ => throw w.Problem("Worker:Mode", $"'{modeText}' is neither 'embedded' nor 'redis'."),
        };
        bool requireSignature = w.Bool("RequireSignature", true);
        TimeSpan lease = w.Seconds("LeaseSeconds", 10, 0.5);
        var settings = new WorkerSettings
        {
            ServiceEnv = w.RequiredRoot("SERVICE_ENV"),
            Mode = mode,
            ModelsRoot = w.Folder("ModelsRoot"),
            Catalogue = w.Folder("Catalogue"),
            Configs = w.Folder("Configs"),
            TrustedKeys = requireSignature ? w.Folder("TrustedKeys") : w.OptionalFolder("TrustedKeys"),
            RequireSignature = requireSignature,
            Outbox = Path.GetFullPath(w.Required("Outbox")),
            Replay = mode == WorkerMode.Embedded ? ReplayFiles(configuration, w) : [],
            Output = mode == WorkerMode.Embedded ? Path.GetFullPath(w.Required("Output")) : null,
            RedisUrl = mode == WorkerMode.Redis ? w.RedisUrl(w.RequiredRoot("REDIS_URL")) : null,
            PostgresUrl = (mode == WorkerMode.Redis ? w.RequiredRoot("POSTGRES_URL") : w.OptionalRoot("POSTGRES_URL")) is { } postgres ? w.PostgresUrl(postgres) : null,
            KeyPrefix = w.Optional("KeyPrefix") ?? "",
            HostName = w.Optional("HostName") ?? Environment.MachineName,
            MetricsPort = w.Port("MetricsPort"),
            Shards = [.. (w.Optional("Shards") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)],
            LeaseDuration = lease,
            Loop = new WorkerOptions
            {
                ExpireStaleBars = w.Bool("ExpireStaleBars", true),
                LeaseRenewInterval = lease / 4,
                ModelCheckInterval = w.Seconds("ModelCheckSeconds", 5, 0.1),
            },
        };
        return settings;
    }

    private static ImmutableArray<string> ReplayFiles(IConfiguration configuration, HostSettings w)
    {
        string[] files = [.. configuration.GetSection("Worker:Replay").GetChildren().Select(c => c.Value).OfType<string>().Where(v => v.Length > 0).Select(Path.GetFullPath)];
        if (files.Length == 0)
        {
            throw w.Problem("Worker:Replay", "embedded mode replays bar files: list at least one (Worker:Replay:0, Worker:Replay:1, …).");
        }

        return files.FirstOrDefault(f => !File.Exists(f)) is { } missing
            ? throw w.Problem("Worker:Replay", $"the bar file {missing} does not exist.")
            : [.. files];
    }
}
