using System.Globalization;
using Alpha.MarketData;
using Alpha.Signals;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Alpha.Inference;

/// <summary>
/// The worker loop (DESIGN.md § 6 "Worker"): bar source → engines → outbox → relay. Each poll's bars go to the engines
/// whose legs they are; the bars, the signals and live scores they made and the checkpoints of the engines that moved
/// are written to the outbox in one transaction; the relay then delivers them to every target. A bar an engine refuses
/// (out of order) is logged and counted, and the loop goes on. When the loop stops — the source is exhausted or the
/// host shuts down — the relay drains the outbox.
/// </summary>
public sealed partial class InferenceWorker
{
    private readonly IReadOnlyList<PairEngine> _engines;
    private readonly Dictionary<(string Symbol, TimeSpan Timeframe), (int Engine, PairLeg Leg)[]> _routes;
    private readonly int[] _checkpointed;
    private readonly bool[] _failed;
    private readonly IBarSource _source;
    private readonly IOutbox _outbox;
    private readonly OutboxRelay _relay;
    private readonly WorkerOptions _options;
    private readonly TimeProvider _time;
    private readonly WorkerMetrics? _metrics;
    private readonly ILogger _logger;

    /// <summary>Creates the worker over engines built (and restored) by <see cref="EngineLoader"/>.</summary>
    public InferenceWorker(
        IReadOnlyList<PairEngine> engines, IBarSource source, IOutbox outbox, OutboxRelay relay, WorkerOptions options, TimeProvider timeProvider,
        WorkerMetrics? metrics = null, ILogger<InferenceWorker>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(engines);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(outbox);
        ArgumentNullException.ThrowIfNull(relay);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        options.Validate();
        (_engines, _source, _outbox, _relay, _options, _time, _metrics) = (engines, source, outbox, relay, options, timeProvider, metrics);
        _logger = logger ?? NullLogger<InferenceWorker>.Instance;
        _routes = engines
            .SelectMany((e, i) => new[] { (Key: (e.Options.LegA.Symbol, e.Options.Timeframe), Route: (i, PairLeg.A)), (Key: (e.Options.LegB.Symbol, e.Options.Timeframe), Route: (i, PairLeg.B)) })
            .GroupBy(x => x.Key)
            .ToDictionary(g => g.Key, g => g.Select(x => x.Route).ToArray());
        _checkpointed = [.. engines.Select(e => e.WatermarkIndex)];
        _failed = new bool[engines.Count];
    }

    /// <summary>The engines served.</summary>
    public IReadOnlyList<PairEngine> Engines => _engines;

    /// <summary>Bars received so far.</summary>
    public long BarsReceived { get; private set; }

    /// <summary>Signals emitted so far.</summary>
    public long SignalsEmitted { get; private set; }

    /// <summary>
    /// Runs until the source is exhausted or <paramref name="cancellationToken"/> is cancelled, then drains the outbox
    /// (at most <see cref="WorkerOptions.DrainTimeout"/>).
    /// </summary>
    /// <returns>Whether the outbox was fully delivered at the end.</returns>
    public async Task<bool> RunAsync(CancellationToken cancellationToken)
    {
        using var relayStop = new CancellationTokenSource();
        Task relay = _relay.RunAsync(relayStop.Token);
        var batch = new OutboxBatch();
        try
        {
            bool more = true;
            while (more && !cancellationToken.IsCancellationRequested)
            {
                batch.Clear();
                try
                {
                    more = await _source.ReadAsync(batch.Bars, cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    more = false;
                }

                Process(batch);
                if (!batch.IsEmpty)
                {
                    await _outbox.AppendAsync(batch, CancellationToken.None).ConfigureAwait(false);     // never half-written
                    _relay.Nudge();
                }
            }
        }
        finally
        {
            await relayStop.CancelAsync().ConfigureAwait(false);
            await relay.ConfigureAwait(false);
        }

        return await _relay.DrainAsync(CancellationToken.None).ConfigureAwait(false);
    }

    private void Process(OutboxBatch batch)
    {
        BarsReceived += batch.Bars.Count;
        _metrics?.Received(batch.Bars.Count);
        for (int k = 0; k < batch.Bars.Count; k++)
        {
            SourcedBar bar = batch.Bars[k];
            if (!_routes.TryGetValue((bar.Symbol, bar.Timeframe), out (int Engine, PairLeg Leg)[]? routes))
            {
                continue;   // a symbol no engine trades: still stored (core.bars)
            }

            foreach ((int i, PairLeg leg) in routes)
            {
                if (_failed[i])
                {
                    continue;
                }

                long start = _time.GetTimestamp();
                try
                {
                    _engines[i].Add(leg, bar.Bar, batch.Signals, batch.Scores);
                }
                catch (Exception e) when (e is AlignmentOrderException or InvalidDataException)
                {
                    Refused(i, bar, e);
                }

                _metrics?.Processed(_time.GetElapsedTime(start));
            }
        }

        if (_options.ExpireStaleBars)
        {
            DateTime now = _time.GetUtcNow().UtcDateTime;
            for (int i = 0; i < _engines.Count; i++)
            {
                try
                {
                    if (!_failed[i])
                    {
                        _engines[i].Expire(now, batch.Signals, batch.Scores);
                    }
                }
                catch (InvalidDataException e)
                {
                    Refused(i, null, e);
                }
            }
        }

        for (int i = 0; i < _engines.Count; i++)
        {
            if (_engines[i].WatermarkIndex != _checkpointed[i])
            {
                batch.Checkpoints.Add(_engines[i].Checkpoint());
                _checkpointed[i] = _engines[i].WatermarkIndex;
            }
        }

        SignalsEmitted += batch.Signals.Count;
        foreach (Signal signal in batch.Signals)
        {
            _metrics?.Emitted(signal.Action == SignalAction.Entry ? "entry" : "exit");
            LogSignal(_logger, signal.Id, signal.ModelId, signal.PairId, signal.Action, signal.Reason, signal.Timestamp);
        }
    }

    // A refused bar is logged and counted; an engine whose history cannot reproduce its checkpoint stops.
    private void Refused(int i, SourcedBar? bar, Exception e)
    {
        PairEngineOptions o = _engines[i].Options;
        if (e is AlignmentOrderException)
        {
            _metrics?.Rejected(o.PairId);
            LogRejected(_logger, o.ModelId, o.PairId, bar?.Symbol ?? "", bar is { } b ? b.Bar.Time.ToString("O", CultureInfo.InvariantCulture) : "", e.Message);
        }
        else
        {
            _failed[i] = true;
            LogStopped(_logger, o.ModelId, o.PairId, e.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Signal {Id}: {ModelId} {PairId} {Action} ({Reason}) at {BarTime:O}")]
    private static partial void LogSignal(ILogger logger, string id, string modelId, string pairId, SignalAction action, string reason, DateTimeOffset barTime);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{ModelId} on {PairId} refused the {Symbol} bar at {BarTime}: {Reason}")]
    private static partial void LogRejected(ILogger logger, string modelId, string pairId, string symbol, string barTime, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "{ModelId} on {PairId} stopped: {Reason}")]
    private static partial void LogStopped(ILogger logger, string modelId, string pairId, string reason);
}
