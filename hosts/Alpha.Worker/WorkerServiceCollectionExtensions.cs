using Alpha.Inference;
using Alpha.Messaging.Redis;
using Alpha.Registry;
using Alpha.Storage.Postgres;
using Alpha.Storage.Sqlite;
using Npgsql;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using StackExchange.Redis;

namespace Alpha.Worker;

/// <summary>The worker's wiring: which adapter serves each interface the worker loop owns, by mode.</summary>
internal static class WorkerServiceCollectionExtensions
{
    public static IServiceCollection AddRegistry(this IServiceCollection services, WorkerSettings settings) =>
        services.AddSingleton(provider => ModelRegistry.Embedded(
            new RegistryOptions
            {
                ModelsRoot = settings.ModelsRoot,
                Trust = settings.TrustedKeys is { } keys ? ModelTrust.FromFolder(keys, settings.RequireSignature) : ModelTrust.ChecksumsOnly,
            },
            provider.GetRequiredService<TimeProvider>()));

    public static IServiceCollection AddRelayTargets(this IServiceCollection services, WorkerSettings settings)
    {
        if (settings.Mode == WorkerMode.Embedded)
        {
            services.AddSingleton<IRelayTarget>(_ => new JsonLinesSignalTarget(settings.Output!));
        }
        else
        {
            services.AddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(RedisUrl.Parse(settings.RedisUrl!)));
            services.AddSingleton<IRelayTarget>(provider => new RedisSignalTarget(provider.GetRequiredService<IConnectionMultiplexer>(), new RedisKeys(settings.KeyPrefix)));
        }

        if (settings.PostgresUrl is { } postgres)
        {
            services.AddSingleton(_ => PostgresUrl.Open(postgres));
            services.AddSingleton<IRelayTarget>(provider => new PostgresWorkerTarget(provider.GetRequiredService<NpgsqlDataSource>()));
        }

        return services;
    }

    /// <summary>
    /// Redis mode: shard leases in Redis, operator flags from Redis (reloaded from PostgreSQL if lost), heartbeats to both,
    /// checkpoints from Redis and PostgreSQL for a takeover, fills from Redis into PostgreSQL.
    /// </summary>
    public static IServiceCollection AddOperations(this IServiceCollection services, WorkerSettings settings)
    {
        if (settings.Mode != WorkerMode.Redis)
        {
            return services;
        }

        services.AddSingleton(provider => new LiveOpsFlags(
            new RedisOpsFlagStore(provider.GetRequiredService<IConnectionMultiplexer>(), new RedisKeys(settings.KeyPrefix)),
            provider.GetService<NpgsqlDataSource>() is { } db ? new PostgresOpsFlagStore(db) : null,
            provider.GetRequiredService<Microsoft.Extensions.Logging.ILogger<LiveOpsFlags>>()));
        // Shards: one lease per shard in Redis, owned by this process; a new owner restores from PostgreSQL's checkpoints.
        string owner = $"{settings.HostName}:{Environment.ProcessId}";
        services.AddSingleton<Func<string, IShardLease>>(provider => shard => new RedisShardLease(
            provider.GetRequiredService<IConnectionMultiplexer>(), new RedisKeys(settings.KeyPrefix), shard, owner, settings.LeaseDuration));
        services.AddSingleton<ICheckpointStore>(provider => new RedisCheckpointStore(provider.GetRequiredService<IConnectionMultiplexer>(), new RedisKeys(settings.KeyPrefix)));
        services.AddSingleton<IHeartbeatSink>(provider => new RedisHeartbeatSink(provider.GetRequiredService<IConnectionMultiplexer>(), new RedisKeys(settings.KeyPrefix)));
        if (settings.PostgresUrl is not null)
        {
            services.AddSingleton<IHeartbeatSink>(provider => new PostgresHeartbeatSink(provider.GetRequiredService<NpgsqlDataSource>()));
            services.AddSingleton<ICheckpointStore>(provider => new PostgresCheckpointStore(provider.GetRequiredService<NpgsqlDataSource>()));
            services.AddSingleton(provider => new FillRecorder(
                new RedisFillSource(provider.GetRequiredService<IConnectionMultiplexer>(), new RedisKeys(settings.KeyPrefix), provider.GetRequiredService<TimeProvider>(), logger: provider.GetRequiredService<Microsoft.Extensions.Logging.ILogger<RedisFillSource>>()),
                new PostgresFillStore(provider.GetRequiredService<NpgsqlDataSource>()),
                settings.Loop,
                provider.GetRequiredService<TimeProvider>(),
                provider.GetRequiredService<Microsoft.Extensions.Logging.ILogger<FillRecorder>>()));
        }

        return services;
    }

    public static IServiceCollection AddOutbox(this IServiceCollection services, WorkerSettings settings) =>
        services.AddSingleton<IOutbox>(provider => SqliteOutbox.Open(settings.Outbox, provider.GetServices<IRelayTarget>().Select(t => t.Name)));

    public static IServiceCollection AddWorkerMetrics(this IServiceCollection services, WorkerSettings settings)
    {
        if (settings.MetricsPort is int port)
        {
            services.AddOpenTelemetry().WithMetrics(metrics => metrics
                .AddMeter(WorkerMetrics.MeterName)
                .AddPrometheusHttpListener(o => (o.Host, o.Port) = ("localhost", port)));
        }

        return services;
    }
}
