using System.Collections.Immutable;
using System.Diagnostics.Metrics;
using Alpha.Retraining;

namespace Alpha.Retraining.Tests;

/// <summary>The retraining metrics as a listener (OpenTelemetry's exporter) sees them.</summary>
public sealed class RetrainMetricsTests
{
    [Fact]
    public void AFinishedRun_RecordsItsDuration_ThetaTrials_AndBestScore_BySchedule()
    {
        var seen = new List<(string Name, double Value, string Tags)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == RetrainMetrics.MeterName)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<double>((i, v, tags, _) => seen.Add((i.Name, v, Tags(tags))));
        listener.SetMeasurementEventCallback<long>((i, v, tags, _) => seen.Add((i.Name, v, Tags(tags))));
        listener.Start();
        using var metrics = new RetrainMetrics();
        var at = new DateTimeOffset(2026, 12, 8, 2, 0, 0, TimeSpan.Zero);
        var run = new RetrainRun(Guid.NewGuid(), "audnzd-h4", at, RetrainTrigger.Scheduled, "cron", RetrainRunStatus.Success, 1, "h", at, at.AddSeconds(95), at.AddSeconds(95),
            RetrainRunnerTests.Outcome("v"), null, null);

        metrics.Finished(run);
        metrics.Finished(run with { Status = RetrainRunStatus.Failed, Outcome = null, EndedAt = at.AddSeconds(30) });

        Assert.Equal(
            [
                ("core_retrain_duration_seconds", 95, "schedule_id=audnzd-h4,status=success"),
                ("core_theta_trials_total", 48, "schedule_id=audnzd-h4"),
                ("core_theta_best_score", 1.25, "schedule_id=audnzd-h4"),
                ("core_retrain_duration_seconds", 30, "schedule_id=audnzd-h4,status=failed"),
            ],
            seen);
    }

    private static string Tags(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var list = new List<string>();
        foreach (KeyValuePair<string, object?> tag in tags)
        {
            list.Add($"{tag.Key}={tag.Value}");
        }

        return string.Join(',', list.Order(StringComparer.Ordinal));
    }
}
