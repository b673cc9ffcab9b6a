using System.Diagnostics.Metrics;

namespace Alpha.Inference;

/// <summary>
/// The worker's metrics (DESIGN.md § 6 "Worker") on the meter <see cref="MeterName"/>, for OpenTelemetry's Prometheus
/// exporter: <c>inference_latency_ms</c> (per bar and engine), <c>bars_processed_total</c>, <c>signals_total</c> and
/// <c>signals_per_min</c> (the last 60 s), <c>bars_rejected_total</c>, and the gauges <c>outbox_pending</c> (per
/// target), <c>stale_pairs</c> and <c>data_watermark_lag_seconds</c> (per model and pair). Units are in the names (no
/// unit metadata, so exporters keep the names as they are).
/// </summary>
public sealed class WorkerMetrics : IDisposable
{
    /// <summary>The meter's name.</summary>
    public const string MeterName = "Alpha.Inference.Worker";

    private readonly Meter _meter;
    private readonly Histogram<double> _latency;
    private readonly Counter<long> _bars;
    private readonly Counter<long> _signals;
    private readonly Counter<long> _rejected;
    private readonly TimeProvider _time;
    private readonly long[] _perSecond = new long[60];
    private readonly long[] _second = new long[60];
    private readonly Lock _gate = new();

    /// <summary>Creates the instruments; the gauges read <paramref name="engines"/> (the engines served then) and <paramref name="relay"/> when collected.</summary>
    public WorkerMetrics(Func<IReadOnlyList<PairEngine>> engines, OutboxRelay relay, TimeProvider timeProvider, IMeterFactory? meterFactory = null)
    {
        ArgumentNullException.ThrowIfNull(engines);
        ArgumentNullException.ThrowIfNull(relay);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _time = timeProvider;
        _meter = meterFactory?.Create(MeterName) ?? new Meter(MeterName);
        _latency = _meter.CreateHistogram<double>("inference_latency_ms", unit: null, "Time to process one bar through one engine (alignment to signal).");
        _bars = _meter.CreateCounter<long>("bars_processed_total", description: "Bars received and processed.");
        _signals = _meter.CreateCounter<long>("signals_total", description: "Signals emitted, by action.");
        _rejected = _meter.CreateCounter<long>("bars_rejected_total", description: "Bars an engine refused (out of order), by pair.");
        _meter.CreateObservableGauge("signals_per_min", SignalsPerMinute, description: "Signals emitted in the last 60 s.");
        _meter.CreateObservableGauge("outbox_pending", () => relay.Pending.Select(p => new Measurement<long>(p.Value, new KeyValuePair<string, object?>("target", p.Key))), description: "Outbox entries a relay target has not delivered.");
        _meter.CreateObservableGauge("stale_pairs", () => engines().Count(e => e.LastBarStale), description: "Engines whose last final bar had a stale leg.");
        _meter.CreateObservableGauge("data_watermark_lag_seconds", () => engines().Where(e => e.WatermarkIndex >= 0).Select(e => new Measurement<double>(
            Math.Max(0, (_time.GetUtcNow().UtcDateTime - (e.Watermark + e.Options.Timeframe)).TotalSeconds),
            new KeyValuePair<string, object?>("model_id", e.Options.ModelId), new KeyValuePair<string, object?>("pair_id", e.Options.PairId))), unit: null, "Wall clock minus the close of each engine's last final bar.");
    }

    /// <summary>Records one bar through one engine.</summary>
    public void Processed(TimeSpan elapsed) => _latency.Record(elapsed.TotalMilliseconds);

    /// <summary>Counts bars received.</summary>
    public void Received(int bars) => _bars.Add(bars);

    /// <summary>Counts a bar an engine refused.</summary>
    public void Rejected(string pairId) => _rejected.Add(1, new KeyValuePair<string, object?>("pair_id", pairId));

    /// <summary>Counts a signal.</summary>
    public void Emitted(string action)
    {
        _signals.Add(1, new KeyValuePair<string, object?>("action", action));
        long second = _time.GetUtcNow().ToUnixTimeSeconds();
        lock (_gate)
        {
            int slot = (int)(second % 60);
            if (_second[slot] != second)
            {
                (_second[slot], _perSecond[slot]) = (second, 0);
            }

            _perSecond[slot]++;
        }
    }

    /// <inheritdoc/>
    public void Dispose() => _meter.Dispose();

    private long SignalsPerMinute()
    {
        long now = _time.GetUtcNow().ToUnixTimeSeconds(), total = 0;
        lock (_gate)
        {
            for (int slot = 0; slot < 60; slot++)
            {
                total += now - _second[slot] < 60 ? _perSecond[slot] : 0;
            }
        }

        return total;
    }
}
