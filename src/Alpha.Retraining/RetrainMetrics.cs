using System.Diagnostics.Metrics;

namespace Alpha.Retraining;

/// <summary>
/// Retraining's metrics (seed 003) on the meter <see cref="MeterName"/>: <c>core_retrain_duration_seconds</c> (each
/// finished run, by schedule and status), <c>core_theta_trials_total</c> (θ candidates evaluated by successful runs) and
/// <c>core_theta_best_score</c> (the latest successful run's best θ score), by schedule. Units are in the names.
/// </summary>
public sealed class RetrainMetrics : IDisposable
{
    /// <summary>The meter's name.</summary>
    public const string MeterName = "Alpha.Retraining";

    private readonly Meter _meter;
    private readonly Histogram<double> _duration;
    private readonly Counter<long> _trials;
    private readonly Gauge<double> _best;

    /// <summary>Creates the instruments (through <paramref name="meterFactory"/> when given).</summary>
    public RetrainMetrics(IMeterFactory? meterFactory = null)
    {
        _meter = meterFactory?.Create(MeterName) ?? new Meter(MeterName);
        _duration = _meter.CreateHistogram<double>("core_retrain_duration_seconds", unit: null, "Wall time of a finished retrain run, retries and their waits included.");
        _trials = _meter.CreateCounter<long>("core_theta_trials_total", unit: null, "θ candidates evaluated by successful retrain runs.");
        _best = _meter.CreateGauge<double>("core_theta_best_score", unit: null, "The best θ search score of the latest successful retrain run.");
    }

    /// <summary>Records a finished run.</summary>
    public void Finished(RetrainRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var schedule = new KeyValuePair<string, object?>("schedule_id", run.ScheduleId);
        if (run.EndedAt is { } ended)
        {
            _duration.Record((ended - run.StartedAt).TotalSeconds, schedule, new KeyValuePair<string, object?>("status", RetrainRunStatuses.Name(run.Status)));
        }

        if (run.Outcome is { } outcome)
        {
            if (outcome.Metrics.TryGetValue(RetrainOutcome.ThetaTrialsKey, out double trials))
            {
                _trials.Add((long)trials, schedule);
            }

            if (outcome.Metrics.TryGetValue(RetrainOutcome.ThetaBestScoreKey, out double best))
            {
                _best.Record(best, schedule);
            }
        }
    }

    /// <inheritdoc/>
    public void Dispose() => _meter.Dispose();
}
