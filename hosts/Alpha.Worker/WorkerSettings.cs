using System.Collections.Immutable;
using Alpha.Inference;
using Microsoft.Extensions.Configuration;

namespace Alpha.Worker;

/// <summary>
/// The worker's settings, from appsettings.json and the environment (docs/worker.md lists every key), validated at
/// start-up: a missing or invalid one is a <see cref="WorkerSettingsException"/> naming it, and the worker does not start.
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
        IConfigurationSection w = configuration.GetSection("Worker");
        string modeText = Required(w, "Mode", "Worker:Mode");
        WorkerMode mode = modeText switch
        {
            "embedded" => WorkerMode.Embedded,
            "redis" => WorkerMode.Redis,
            _ => throw new WorkerSettingsException("Worker:Mode", $"'{modeText}' is neither 'embedded' nor 'redis'."),
        };
        bool requireSignature = Bool(w, "RequireSignature", true);
        TimeSpan lease = Seconds(w, "LeaseSeconds", 10, 0.5);
        var settings = new WorkerSettings
        {
            ServiceEnv = Required(configuration, "SERVICE_ENV", "SERVICE_ENV"),
            Mode = mode,
            ModelsRoot = Folder(w, "ModelsRoot"),
            Catalogue = Folder(w, "Catalogue"),
            Configs = Folder(w, "Configs"),
            TrustedKeys = requireSignature ? Folder(w, "TrustedKeys") : OptionalFolder(w, "TrustedKeys"),
            RequireSignature = requireSignature,
            Outbox = Path.GetFullPath(Required(w, "Outbox", "Worker:Outbox")),
            Replay = mode == WorkerMode.Embedded ? ReplayFiles(w) : [],
            Output = mode == WorkerMode.Embedded ? Path.GetFullPath(Required(w, "Output", "Worker:Output")) : null,
            RedisUrl = mode == WorkerMode.Redis ? Redis(Required(configuration, "REDIS_URL", "REDIS_URL")) : null,
            PostgresUrl = Postgres(mode == WorkerMode.Redis ? Required(configuration, "POSTGRES_URL", "POSTGRES_URL") : configuration["POSTGRES_URL"]),
            KeyPrefix = w["KeyPrefix"] ?? "",
            HostName = w["HostName"] is { Length: > 0 } host ? host : Environment.MachineName,
            MetricsPort = w["MetricsPort"] is { Length: > 0 } port ? Port(port) : null,
            Shards = [.. (w["Shards"] ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)],
            LeaseDuration = lease,
            Loop = new WorkerOptions
            {
                ExpireStaleBars = Bool(w, "ExpireStaleBars", true),
                LeaseRenewInterval = lease / 4,
                ModelCheckInterval = Seconds(w, "ModelCheckSeconds", 5, 0.1),
            },
        };
        return settings;
    }

    private static string Required(IConfiguration c, string key, string name) =>
        c[key] is { Length: > 0 } value ? value : throw new WorkerSettingsException(name, "is required and not set.");

    private static string Redis(string url)
    {
        try
        {
            _ = Messaging.Redis.RedisUrl.Parse(url);
            return url;
        }
        catch (ArgumentException e)
        {
            throw new WorkerSettingsException("REDIS_URL", e.Message.Replace("REDIS_URL ", "", StringComparison.Ordinal));
        }
    }

    private static string? Postgres(string? url)
    {
        if (string.IsNullOrEmpty(url))
        {
            return null;
        }

        try
        {
            Storage.Postgres.PostgresUrl.Open(url).Dispose();      // parses only; connecting waits for the first delivery
            return url;
        }
        catch (ArgumentException e)
        {
            throw new WorkerSettingsException("POSTGRES_URL", e.Message.Replace("POSTGRES_URL ", "", StringComparison.Ordinal));
        }
    }

    private static string Folder(IConfigurationSection w, string key)
    {
        string path = Path.GetFullPath(Required(w, key, $"Worker:{key}"));
        return Directory.Exists(path) ? path : throw new WorkerSettingsException($"Worker:{key}", $"the folder {path} does not exist.");
    }

    private static string? OptionalFolder(IConfigurationSection w, string key) => w[key] is { Length: > 0 } ? Folder(w, key) : null;

    private static bool Bool(IConfigurationSection w, string key, bool fallback) => w[key] switch
    {
        null or "" => fallback,
        "true" or "True" => true,
        "false" or "False" => false,
        string other => throw new WorkerSettingsException($"Worker:{key}", $"'{other}' is neither true nor false."),
    };

    private static TimeSpan Seconds(IConfigurationSection w, string key, double fallback, double minimum)
    {
        string? text = w[key];
        if (string.IsNullOrEmpty(text))
        {
            return TimeSpan.FromSeconds(fallback);
        }

        return double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double seconds) && double.IsFinite(seconds) && seconds >= minimum && seconds <= 3600
            ? TimeSpan.FromSeconds(seconds)
            : throw new WorkerSettingsException($"Worker:{key}", $"'{text}' is not a number of seconds in [{minimum}, 3600].");
    }

    private static int Port(string text) =>
        int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int port) && port is > 0 and < 65536
            ? port
            : throw new WorkerSettingsException("Worker:MetricsPort", $"'{text}' is not a TCP port.");

    private static ImmutableArray<string> ReplayFiles(IConfigurationSection w)
    {
        string[] files = [.. w.GetSection("Replay").GetChildren().Select(c => c.Value).OfType<string>().Where(v => v.Length > 0).Select(Path.GetFullPath)];
        if (files.Length == 0)
        {
            throw new WorkerSettingsException("Worker:Replay", "embedded mode replays bar files: list at least one (Worker:Replay:0, Worker:Replay:1, …).");
        }

        return files.FirstOrDefault(f => !File.Exists(f)) is { } missing
            ? throw new WorkerSettingsException("Worker:Replay", $"the bar file {missing} does not exist.")
            : [.. files];
    }
}
