using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Alpha.Inference;

/// <summary>
/// Sends the worker's heartbeat to every sink on a schedule, each valid for three intervals; a sink that fails is
/// logged and tried again at the next beat (a heartbeat is never queued).
/// </summary>
public sealed partial class WorkerHeartbeat
{
    private readonly InferenceWorker _worker;
    private readonly OutboxRelay _relay;
    private readonly IHeartbeatSink[] _sinks;
    private readonly string _host;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    /// <summary>Creates the heartbeat of <paramref name="worker"/> as <paramref name="host"/>.</summary>
    public WorkerHeartbeat(InferenceWorker worker, OutboxRelay relay, IEnumerable<IHeartbeatSink> sinks, string host, TimeProvider timeProvider, ILogger<WorkerHeartbeat>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(worker);
        ArgumentNullException.ThrowIfNull(relay);
        ArgumentNullException.ThrowIfNull(sinks);
        ArgumentException.ThrowIfNullOrWhiteSpace(host);
        ArgumentNullException.ThrowIfNull(timeProvider);
        (_worker, _relay, _sinks, _host, _time) = (worker, relay, [.. sinks], host, timeProvider);
        _logger = logger ?? NullLogger<WorkerHeartbeat>.Instance;
    }

    /// <summary>The heartbeat now.</summary>
    public Heartbeat Now() => new(
        _host, "worker", _time.GetUtcNow(), _worker.Engines.Count, _worker.BarsReceived, _worker.SignalsEmitted,
        _relay.Pending.Values.DefaultIfEmpty(0).Max());

    /// <summary>Beats now and every <paramref name="interval"/> until <paramref name="cancellationToken"/> is cancelled.</summary>
    public async Task RunAsync(TimeSpan interval, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero);
        try
        {
            while (true)
            {
                Heartbeat beat = Now();
                foreach (IHeartbeatSink sink in _sinks)
                {
                    try
                    {
                        await sink.BeatAsync(beat, 3 * interval, cancellationToken).ConfigureAwait(false);
                    }
                    catch (Exception e) when (e is not OperationCanceledException)
                    {
                        LogFailed(_logger, sink.GetType().Name, e.Message);
                    }
                }

                await Task.Delay(interval, _time, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Heartbeat to {Sink} failed: {Reason}")]
    private static partial void LogFailed(ILogger logger, string sink, string reason);
}
