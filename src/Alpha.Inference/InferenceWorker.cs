using Alpha.Registry;
using Alpha.Signals;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Alpha.Inference;

/// <summary>
/// The worker loop (DESIGN.md § 6 "Worker"): bar source → engines → outbox → relay. Each poll's bars go to the engines
/// whose legs they are; the bars, the signals and live scores they made and the checkpoints of the engines that moved
/// are written to the outbox in one transaction; the relay then delivers them to every target. When the loop stops — the
/// source is exhausted or the host shuts down — the relay drains the outbox.
/// </summary>
/// <remarks>
/// <para>A sharded worker serves shards (<see cref="WorkerShard"/>), each on its own loop and bar source. With leases, a
/// shard is served only while its lease is held: when it is taken, its engines are restored from the newest checkpoint of
/// each pair (the outbox's or the durable store's) and replay the bars from there — signals regenerated carry the same
/// ids, and the relay targets drop those already delivered; when it is lost (another worker holds it, or it could not be
/// extended for its whole duration), the shard's engines are dropped at once. When an entry that follows the deployed
/// pointer sees it move, the new version is verified: if it passes, the shard reloads on it from the engines' checkpoints
/// (a hot-swap); if not, it is refused and reported to the registry, and the current version keeps serving.</para>
/// </remarks>
public sealed partial class InferenceWorker
{
    private readonly IReadOnlyList<WorkerShard> _shards;
    private readonly ShardServices? _services;
    private readonly EngineGroup? _fixed;
    private readonly IBarSource? _fixedSource;
    private readonly IOutbox _outbox;
    private readonly OutboxRelay _relay;
    private readonly WorkerOptions _options;
    private readonly TimeProvider _time;
    private readonly WorkerMetrics? _metrics;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private readonly List<EngineGroup> _served = [];
    private long _barsReceived;
    private long _signalsEmitted;

    /// <summary>Creates a worker over engines built (and restored) by <see cref="EngineLoader"/>, all owned, from one source.</summary>
    public InferenceWorker(
        IReadOnlyList<PairEngine> engines, IBarSource source, IOutbox outbox, OutboxRelay relay, WorkerOptions options, TimeProvider timeProvider,
        WorkerMetrics? metrics, ILogger<InferenceWorker>? logger)
        : this((IReadOnlyList<WorkerShard>)[], null, outbox, relay, options, timeProvider, metrics, logger)
    {
        ArgumentNullException.ThrowIfNull(engines);
        ArgumentNullException.ThrowIfNull(source);
        _fixed = new EngineGroup("", engines, options.ExpireStaleBars, timeProvider, metrics, _logger);
        _fixedSource = source;
    }

    /// <summary>Creates a sharded worker: each of <paramref name="shards"/> is loaded, served and reloaded through <paramref name="services"/>.</summary>
    /// <param name="shards">The shards this worker serves (or waits for, with leases).</param>
    /// <param name="services">Engines, sources, leases and durable checkpoints.</param>
    /// <param name="outbox">The outbox every shard writes to.</param>
    /// <param name="relay">The relay that delivers it.</param>
    /// <param name="options">The loop's settings.</param>
    /// <param name="timeProvider">The clock.</param>
    /// <param name="metrics">The metrics, or null.</param>
    /// <param name="logger">The logger, or null.</param>
    public InferenceWorker(
        IReadOnlyList<WorkerShard> shards, ShardServices? services, IOutbox outbox, OutboxRelay relay, WorkerOptions options, TimeProvider timeProvider,
        WorkerMetrics? metrics, ILogger<InferenceWorker>? logger)
    {
        ArgumentNullException.ThrowIfNull(shards);
        ArgumentNullException.ThrowIfNull(outbox);
        ArgumentNullException.ThrowIfNull(relay);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        options.Validate();
        if (shards.Count > 0 && services is null)
        {
            throw new ArgumentException("A sharded worker needs its services (engine loader, sources).", nameof(services));
        }

        (_shards, _services, _outbox, _relay, _options, _time, _metrics) = (shards, services, outbox, relay, options, timeProvider, metrics);
        _logger = logger ?? NullLogger<InferenceWorker>.Instance;
    }

    /// <summary>The engines served now (a shard's are dropped when its lease is lost, replaced on a hot-swap).</summary>
    public IReadOnlyList<PairEngine> Engines
    {
        get
        {
            if (_fixed is not null)
            {
                return _fixed.Engines;
            }

            lock (_gate)
            {
                return [.. _served.SelectMany(g => g.Engines)];
            }
        }
    }

    /// <summary>The shards served now.</summary>
    public IReadOnlyList<string> ShardsServed
    {
        get
        {
            lock (_gate)
            {
                return [.. _served.Select(g => g.Name)];
            }
        }
    }

    /// <summary>Bars received so far.</summary>
    public long BarsReceived => Interlocked.Read(ref _barsReceived);

    /// <summary>Signals emitted so far.</summary>
    public long SignalsEmitted => Interlocked.Read(ref _signalsEmitted);

    /// <summary>
    /// Runs until every source is exhausted or <paramref name="cancellationToken"/> is cancelled, then drains the outbox
    /// (at most <see cref="WorkerOptions.DrainTimeout"/>).
    /// </summary>
    /// <returns>Whether the outbox was fully delivered at the end.</returns>
    public async Task<bool> RunAsync(CancellationToken cancellationToken)
    {
        using var relayStop = new CancellationTokenSource();
        Task relay = _relay.RunAsync(relayStop.Token);
        try
        {
            if (_fixed is not null)
            {
                await PumpAsync(_fixed, _fixedSource!, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await Task.WhenAll(_shards.Select(s => ServeAsync(s, cancellationToken))).ConfigureAwait(false);
            }
        }
        finally
        {
            await relayStop.CancelAsync().ConfigureAwait(false);
            await relay.ConfigureAwait(false);
        }

        return await _relay.DrainAsync(CancellationToken.None).ConfigureAwait(false);
    }

    // One group's loop: poll → process → one outbox transaction → nudge. True when the source is exhausted.
    private async Task<bool> PumpAsync(EngineGroup group, IBarSource source, CancellationToken cancellationToken)
    {
        var batch = new OutboxBatch();
        while (!cancellationToken.IsCancellationRequested)
        {
            batch.Clear();
            bool more;
            try
            {
                more = await source.ReadAsync(batch.Bars, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                more = true;
            }

            Interlocked.Add(ref _barsReceived, batch.Bars.Count);
            _metrics?.Received(batch.Bars.Count);
            group.Process(batch);
            Emitted(batch);
            if (_services?.Drawdown is { } guard)
            {
                await guard.CheckAsync(group.Engines, CancellationToken.None).ConfigureAwait(false);
            }

            if (!batch.IsEmpty)
            {
                await _outbox.AppendAsync(batch, CancellationToken.None).ConfigureAwait(false);     // never half-written
                _relay.Nudge();
            }

            if (!more)
            {
                return true;
            }
        }

        return false;
    }

    private void Emitted(OutboxBatch batch)
    {
        Interlocked.Add(ref _signalsEmitted, batch.Signals.Count);
        foreach (Signal signal in batch.Signals)
        {
            _metrics?.Emitted(signal.Action == SignalAction.Entry ? "entry" : "exit");
            LogSignal(_logger, signal.Id, signal.ModelId, signal.PairId, signal.Action, signal.Reason, signal.Timestamp);
        }
    }

    // A shard's life on this worker: take its lease, load, serve until the lease is lost, a hot-swap or the end; again.
    private async Task ServeAsync(WorkerShard shard, CancellationToken stopping)
    {
        IShardLease? lease = _services!.Leases?.Invoke(shard.Name);
        var state = new ShardState(shard);
        try
        {
            while (!stopping.IsCancellationRequested)
            {
                if (lease is not null && !await AcquireAsync(lease, stopping).ConfigureAwait(false))
                {
                    return;
                }

                EngineGroup? group = await LoadAsync(state, stopping).ConfigureAwait(false);
                if (group is null)
                {
                    await DelayAsync(_options.LeaseRenewInterval, stopping).ConfigureAwait(false);
                    continue;
                }

                if (await ServeLoadedAsync(group, lease, state, stopping).ConfigureAwait(false))
                {
                    return;     // a finite source ended
                }
            }
        }
        finally
        {
            if (lease is not null)
            {
                await ReleaseAsync(lease).ConfigureAwait(false);
            }
        }
    }

    // True when the source ended; false when the lease was lost, a hot-swap is due, or the worker stops.
    private async Task<bool> ServeLoadedAsync(EngineGroup group, IShardLease? lease, ShardState state, CancellationToken stopping)
    {
        IBarSource source = _services!.Sources(group.Engines);
        using var session = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        lock (_gate)
        {
            _served.Add(group);
        }

        Task<string> watch = WatchAsync(lease, state, session);
        try
        {
            return await PumpAsync(group, source, session.Token).ConfigureAwait(false);
        }
        finally
        {
            lock (_gate)
            {
                _served.Remove(group);
            }

            await session.CancelAsync().ConfigureAwait(false);
            string why = await watch.ConfigureAwait(false);
            if (!stopping.IsCancellationRequested && why.Length > 0)
            {
                LogDropped(_logger, group.Name, why);
            }

            if (source is IAsyncDisposable disposable)
            {
                await disposable.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    // Extends the lease and watches the deployed pointers while the shard is served; cancels the session (and says why)
    // when the lease is lost or a verified new version is deployed.
    private async Task<string> WatchAsync(IShardLease? lease, ShardState state, CancellationTokenSource session)
    {
        DateTimeOffset held = _time.GetUtcNow(), checkedModels = held;
        TimeSpan tick = lease is null ? _options.ModelCheckInterval : TimeSpan.FromTicks(Math.Min(_options.LeaseRenewInterval.Ticks, _options.ModelCheckInterval.Ticks));
        try
        {
            while (true)
            {
                await Task.Delay(tick, _time, session.Token).ConfigureAwait(false);
                if (lease is not null)
                {
                    string? lost = await RenewAsync(lease, held).ConfigureAwait(false);
                    if (lost is null)
                    {
                        held = _time.GetUtcNow();
                    }
                    else if (lost.Length > 0)
                    {
                        await session.CancelAsync().ConfigureAwait(false);
                        return lost;
                    }
                }

                if (_time.GetUtcNow() - checkedModels >= _options.ModelCheckInterval)
                {
                    checkedModels = _time.GetUtcNow();
                    if (await SwapDueAsync(state, session.Token).ConfigureAwait(false) is { } swap)
                    {
                        state.Continuing = true;
                        await session.CancelAsync().ConfigureAwait(false);
                        return swap;
                    }
                }
            }
        }
        catch (OperationCanceledException) when (session.IsCancellationRequested)
        {
            return "";
        }
    }

    // null: extended; "": not extended but still within its duration; otherwise why it is lost.
    private async Task<string?> RenewAsync(IShardLease lease, DateTimeOffset lastHeld)
    {
        try
        {
            return await lease.HoldAsync(CancellationToken.None).ConfigureAwait(false) ? null : "another worker holds its lease";
        }
#pragma warning disable CA1031 // the lease store's adapter decides its exceptions; any failure to extend is handled the same way
        catch (Exception e)
#pragma warning restore CA1031
        {
            LogLeaseUnreachable(_logger, lease.Shard, e.Message);
            return _time.GetUtcNow() - lastHeld >= lease.Duration ? $"its lease could not be extended for {lease.Duration.TotalSeconds:0.#} s" : "";
        }
    }

    private async Task<bool> AcquireAsync(IShardLease lease, CancellationToken stopping)
    {
        bool waiting = false;
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                if (await lease.HoldAsync(stopping).ConfigureAwait(false))
                {
                    LogLeaseTaken(_logger, lease.Shard);
                    return true;
                }

                if (!waiting)
                {
                    LogLeaseWaiting(_logger, lease.Shard);
                    waiting = true;
                }
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return false;
            }
#pragma warning disable CA1031 // any failure to reach the lease store: wait and try again
            catch (Exception e)
#pragma warning restore CA1031
            {
                LogLeaseUnreachable(_logger, lease.Shard, e.Message);
            }

            await DelayAsync(_options.LeaseRenewInterval, stopping).ConfigureAwait(false);
        }

        return false;
    }

    private async Task ReleaseAsync(IShardLease lease)
    {
        try
        {
            await lease.ReleaseAsync(CancellationToken.None).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // best effort: an unreleased lease expires by itself
        catch (Exception e)
#pragma warning restore CA1031
        {
            LogLeaseUnreachable(_logger, lease.Shard, e.Message);
        }
    }

    // The shard's engines: for each entry the version it names now (or, if that one is refused, the one served before),
    // restored from the newest checkpoint of the outbox and the durable store. Null when none could be loaded.
    private async Task<EngineGroup?> LoadAsync(ShardState state, CancellationToken cancellationToken)
    {
        try
        {
            // After a hot-swap this worker still owns the shard: its own checkpoints are the newest, and what it has not
            // delivered is in its outbox. Replaying from an older one would re-emit signals under the new version's ids.
            IReadOnlyList<EngineCheckpoint> checkpoints = state.Continuing
                ? await _outbox.ReadCheckpointsAsync(cancellationToken).ConfigureAwait(false)
                : await CheckpointsAsync(cancellationToken).ConfigureAwait(false);
            state.Continuing = false;
            var engines = new List<PairEngine>();
            foreach (ModelDefinition model in state.Shard.Models)
            {
                EngineCheckpoint? checkpoint = checkpoints.FirstOrDefault(c => c.ModelId == model.ModelId && c.PairId == model.PairId);
                if (await LoadModelAsync(state, model, checkpoint, cancellationToken).ConfigureAwait(false) is { } engine)
                {
                    engines.Add(engine);
                }
            }

            return engines.Count == 0 ? null : new EngineGroup(state.Shard.Name, engines, _options.ExpireStaleBars, _time, _metrics, _logger);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }

    private async Task<PairEngine?> LoadModelAsync(ShardState state, ModelDefinition model, EngineCheckpoint? checkpoint, CancellationToken cancellationToken)
    {
        EngineLoader loader = _services!.Engines;
        state.Served.TryGetValue(model.ModelId, out string? previous);
        string? target = null;
        try
        {
            target = await loader.TargetVersionAsync(model, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            LogCannotLoad(_logger, model.ModelId, "(deployed)", e.Message);
        }

        foreach (string? version in new[] { target, previous }.Distinct())
        {
            if (version is null || state.Refused.Contains((model.ModelId, version)))
            {
                continue;
            }

            try
            {
                PairEngine engine = await loader.LoadAsync(model, version, checkpoint, cancellationToken).ConfigureAwait(false);
                state.Served[model.ModelId] = version;
                if (checkpoint is null)
                {
                    LogServingFromStart(_logger, state.Shard.Name, model.ModelId, model.PairId, version);
                }
                else
                {
                    LogServingRestored(_logger, state.Shard.Name, model.ModelId, model.PairId, version, checkpoint.Watermark);
                }

                return engine;
            }
            catch (ModelVerificationException e)
            {
                state.Refused.Add((model.ModelId, version));
                LogRefused(_logger, model.ModelId, version, string.Join("; ", e.Problems));
            }
            catch (Exception e) when (e is ModelVersionNotFoundException or IOException or InvalidDataException or ArgumentException or UnauthorizedAccessException)
            {
                LogCannotLoad(_logger, model.ModelId, version, e.Message);
            }
        }

        LogNotServed(_logger, model.ModelId, state.Shard.Name);
        return null;
    }

    // Per pair, the oldest of the outbox's and every durable store's checkpoints: a target may lack the signals after its
    // own, and replaying from an older one regenerates signals with the same ids, which the targets drop. A pair some
    // durable store has no checkpoint of (or that cannot be read) replays from its first bar.
    private async Task<IReadOnlyList<EngineCheckpoint>> CheckpointsAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<EngineCheckpoint> local = await _outbox.ReadCheckpointsAsync(cancellationToken).ConfigureAwait(false);
        IReadOnlyList<ICheckpointStore> stores = _services!.Checkpoints;
        if (stores.Count == 0)
        {
            return local;
        }

        var sets = new List<IReadOnlyList<EngineCheckpoint>>(stores.Count);
        foreach (ICheckpointStore store in stores)
        {
            try
            {
                sets.Add(await store.ReadAsync(cancellationToken).ConfigureAwait(false));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogCheckpointsUnreadable(_logger, store.Name, e.Message);
                return [];
            }
        }

        Dictionary<(string, string), EngineCheckpoint> oldest = sets[0].ToDictionary(c => (c.ModelId, c.PairId));
        foreach (IReadOnlyList<EngineCheckpoint> set in sets.Skip(1))
        {
            Dictionary<(string, string), EngineCheckpoint> held = set.ToDictionary(c => (c.ModelId, c.PairId));
            foreach ((string, string) key in oldest.Keys.ToArray())
            {
                if (!held.TryGetValue(key, out EngineCheckpoint? c))
                {
                    oldest.Remove(key);         // a store without it: the pair replays from its first bar
                }
                else if (c.Watermark < oldest[key].Watermark)
                {
                    oldest[key] = c;
                }
            }
        }

        foreach (EngineCheckpoint c in local)
        {
            if (oldest.TryGetValue((c.ModelId, c.PairId), out EngineCheckpoint? o) && c.Watermark < o.Watermark)
            {
                oldest[(c.ModelId, c.PairId)] = c;
            }
        }

        return [.. oldest.Values];
    }

    // A verified version newer than the one served, for an entry that follows the deployed pointer; refused ones are reported once.
    private async Task<string?> SwapDueAsync(ShardState state, CancellationToken cancellationToken)
    {
        EngineLoader loader = _services!.Engines;
        foreach (ModelDefinition model in state.Shard.Models.Where(m => m.Version == ModelDefinition.Deployed))
        {
            try
            {
                string? deployed = await loader.TargetVersionAsync(model, cancellationToken).ConfigureAwait(false);
                if (deployed is null || state.Refused.Contains((model.ModelId, deployed)) || (state.Served.TryGetValue(model.ModelId, out string? served) && served == deployed))
                {
                    continue;
                }

                ModelVerification verification = await loader.Registry.VerifyAsync(model.ModelId, deployed, cancellationToken).ConfigureAwait(false);
                if (verification.IsValid)
                {
                    return $"{model.ModelId} is deployed at {deployed} (hot-swap)";
                }

                string problems = string.Join("; ", verification.Problems);
                state.Refused.Add((model.ModelId, deployed));
                LogRefused(_logger, model.ModelId, deployed, problems);
                await loader.Registry.ReportRefusedAsync(model.ModelId, deployed, loader.Host, problems, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException or ModelVersionNotFoundException)
            {
                LogCannotLoad(_logger, model.ModelId, "(deployed)", e.Message);
            }
        }

        return null;
    }

    private async Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    // What a shard remembers across its loads: the version served per model id, and the versions refused.
    private sealed class ShardState(WorkerShard shard)
    {
        public WorkerShard Shard { get; } = shard;

        public Dictionary<string, string> Served { get; } = [];

        public HashSet<(string ModelId, string Version)> Refused { get; } = [];

        // Whether the next load continues this worker's own serving (a hot-swap), rather than taking the shard over.
        public bool Continuing { get; set; }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Signal {Id}: {ModelId} {PairId} {Action} ({Reason}) at {BarTime:O}")]
    private static partial void LogSignal(ILogger logger, string id, string modelId, string pairId, SignalAction action, string reason, DateTimeOffset barTime);

    [LoggerMessage(Level = LogLevel.Information, Message = "Shard {Shard}: serving {ModelId} on {PairId} at version {Version}, restored to its checkpoint at {Watermark:O}")]
    private static partial void LogServingRestored(ILogger logger, string shard, string modelId, string pairId, string version, DateTime watermark);

    [LoggerMessage(Level = LogLevel.Information, Message = "Shard {Shard}: serving {ModelId} on {PairId} at version {Version}, from its first bar")]
    private static partial void LogServingFromStart(ILogger logger, string shard, string modelId, string pairId, string version);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Shard {Shard}: engines dropped, {Reason}")]
    private static partial void LogDropped(ILogger logger, string shard, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Shard {Shard}: lease taken")]
    private static partial void LogLeaseTaken(ILogger logger, string shard);

    [LoggerMessage(Level = LogLevel.Information, Message = "Shard {Shard}: another worker holds the lease; waiting")]
    private static partial void LogLeaseWaiting(ILogger logger, string shard);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Shard {Shard}: the lease store cannot be reached ({Reason})")]
    private static partial void LogLeaseUnreachable(ILogger logger, string shard, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "{ModelId} version {Version} refused: {Problems}")]
    private static partial void LogRefused(ILogger logger, string modelId, string version, string problems);

    [LoggerMessage(Level = LogLevel.Error, Message = "{ModelId} version {Version} cannot be loaded: {Reason}")]
    private static partial void LogCannotLoad(ILogger logger, string modelId, string version, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "{ModelId} is not served by shard {Shard}: no version of it can be loaded")]
    private static partial void LogNotServed(ILogger logger, string modelId, string shard);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Checkpoints: {Store} cannot be read ({Reason}); the shard replays from the first bar")]
    private static partial void LogCheckpointsUnreadable(ILogger logger, string store, string reason);
}
