using System.Diagnostics.Metrics;
using Alpha.Configuration;
using Alpha.Inference;
using Alpha.MarketData;
using Alpha.Messaging.Redis;
using Alpha.Registry;
using Alpha.Training;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Alpha.Worker;

/// <summary>
/// Composes the worker at start (policies, catalogue, engines restored from the outbox's checkpoints, the bar source,
/// the relay) and runs it; a finite replay stops the host when it ends. A configuration or model problem found at
/// start is logged on one line and the process exits with code 2.
/// </summary>
internal sealed partial class WorkerService(
    WorkerSettings settings, IServiceProvider services, IHostApplicationLifetime lifetime, TimeProvider time, IMeterFactory meters,
    ILogger<WorkerService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        InferenceWorker worker;
        OutboxRelay relay;
        try
        {
            (worker, relay) = await ComposeAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is ConfigException or ModelVerificationException or ModelVersionNotFoundException or InvalidDataException or IOException or ArgumentException)
        {
            LogCannotStart(logger, e.Message);
            Environment.ExitCode = 2;
            lifetime.StopApplication();
            return;
        }

        LogStarted(logger, settings.Mode, settings.Shards.IsEmpty ? "every shard" : string.Join(", ", settings.Shards), settings.ServiceEnv);
        using var sideLoops = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        Task flags = services.GetService<LiveOpsFlags>() is { } live ? live.RunAsync(settings.Loop.FlagsRefreshInterval, time, sideLoops.Token) : Task.CompletedTask;
        Task heartbeat = new WorkerHeartbeat(worker, relay, services.GetServices<IHeartbeatSink>(), settings.HostName, time, services.GetRequiredService<ILogger<WorkerHeartbeat>>())
            .RunAsync(settings.Loop.HeartbeatInterval, sideLoops.Token);
        Task fills = services.GetService<FillRecorder>() is { } recorder ? recorder.RunAsync(sideLoops.Token) : Task.CompletedTask;
        bool drained = await worker.RunAsync(stoppingToken).ConfigureAwait(false);
        await sideLoops.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(flags, heartbeat, fills).ConfigureAwait(false);
        LogStopped(logger, worker.BarsReceived, worker.SignalsEmitted, drained);
        lifetime.StopApplication();
    }

    private async Task<(InferenceWorker, OutboxRelay)> ComposeAsync(CancellationToken cancellationToken)
    {
        TrainingPolicy policy = PolicyLoader.Load(settings.Configs);
        EngineSettings engineSettings = EngineSettings.Load(settings.Configs, policy.Alignment, policy.Backtest);
        LiveOpsFlags? flags = services.GetService<LiveOpsFlags>();
        if (flags is not null)
        {
            await flags.RefreshAsync(cancellationToken).ConfigureAwait(false);     // until it succeeds, the engines fail safe
            engineSettings = engineSettings with { OpsFlags = flags };
        }

        PredictorKinds kinds = services.GetRequiredService<PredictorKinds>();
        ModelCatalogue catalogue = ModelCatalogue.Load(settings.Catalogue, kinds);
        IReadOnlyList<WorkerShard> shards = WorkerShard.Of(catalogue, settings.Shards);
        var loader = new EngineLoader(kinds, services.GetRequiredService<ModelRegistry>(), engineSettings, settings.HostName);
        await loader.CheckAsync(shards.SelectMany(s => s.Models), cancellationToken).ConfigureAwait(false);
        IOutbox outbox = services.GetRequiredService<IOutbox>();
        var relay = new OutboxRelay(outbox, services.GetServices<IRelayTarget>(), settings.Loop, time, services.GetRequiredService<ILogger<OutboxRelay>>());
        InferenceWorker? worker = null;
        var metrics = new WorkerMetrics(() => worker?.Engines ?? [], relay, time, meters);
        var shardServices = new ShardServices
        {
            Engines = loader,
            Sources = Source,
            Leases = services.GetService<Func<string, IShardLease>>(),
            Checkpoints = [.. services.GetServices<ICheckpointStore>()],
            Drawdown = flags is null ? null : new DrawdownGuard(DrawdownPolicy.Load(settings.Configs), flags, services.GetRequiredService<ILogger<DrawdownGuard>>()),
        };
        worker = new InferenceWorker(shards, shardServices, outbox, relay, settings.Loop, time, metrics, services.GetRequiredService<ILogger<InferenceWorker>>());
        return (worker, relay);
    }

#pragma warning disable CA1859 // the worker takes any bar source; which one is the mode's
    private IBarSource Source(IReadOnlyList<PairEngine> engines)
    {
        if (settings.Mode == WorkerMode.Embedded)
        {
            return new ReplayBarSource(settings.Replay.Select(file =>
            {
                BarSeries series = BarFiles.Load(file);
                return (series, Timeframes.ModalStep(series.Time.ToArray()));
            }));
        }

        return new RedisBarSource(
            services.GetRequiredService<IConnectionMultiplexer>(),
            new RedisBarSourceOptions
            {
                Streams = [.. engines.SelectMany(e => new[] { (e.Options.LegA.Symbol, e.Options.Timeframe), (e.Options.LegB.Symbol, e.Options.Timeframe) }).Distinct()],
                Keys = new RedisKeys(settings.KeyPrefix),
            },
            time,
            services.GetRequiredService<ILogger<RedisBarSource>>());
    }

#pragma warning restore CA1859

    [LoggerMessage(Level = LogLevel.Critical, Message = "The worker cannot start: {Reason}")]
    private static partial void LogCannotStart(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Worker started ({Mode}, serving {Shards}, {ServiceEnv})")]
    private static partial void LogStarted(ILogger logger, WorkerMode mode, string shards, string serviceEnv);

    [LoggerMessage(Level = LogLevel.Information, Message = "Worker stopped: {Bars} bars received, {Signals} signals emitted, outbox drained: {Drained}")]
    private static partial void LogStopped(ILogger logger, long bars, long signals, bool drained);
}
