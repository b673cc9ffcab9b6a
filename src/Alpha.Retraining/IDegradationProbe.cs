namespace Alpha.Retraining;

/// <summary>Evaluates a schedule's deployed version on the live bars since its deployment (Alpha.Monitoring's verdict).</summary>
public interface IDegradationProbe
{
    /// <summary>The verdict's call: a signal when it recommends retraining, null when it does not (or nothing is deployed).</summary>
    ValueTask<DegradationSignal?> CheckAsync(string scheduleId, CancellationToken cancellationToken);
}
