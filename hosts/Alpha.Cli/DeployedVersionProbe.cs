using Alpha.Monitoring;
using Alpha.Registry;
using Alpha.Retraining;
using Alpha.Training;

namespace Alpha.Cli;

/// <summary>
/// The degradation trigger of <c>alpha retrain serve</c>: the model id's deployed version, evaluated on the pair's bars
/// since it was deployed (Alpha.Monitoring's verdict, recorded in <c>core.monitoring_verdicts</c> when the service runs
/// on PostgreSQL); a verdict that recommends retraining is a signal naming the rules that fired.
/// </summary>
internal sealed class DeployedVersionProbe(string configFolder, RetrainStores stores, TimeProvider time) : IDegradationProbe
{
    public async ValueTask<DegradationSignal?> CheckAsync(string scheduleId, CancellationToken cancellationToken)
    {
        if (await stores.Registry.DeployedAsync(scheduleId, cancellationToken).ConfigureAwait(false) is not string version)
        {
            return null;
        }

        ModelVersionState state = await stores.Registry.StateAsync(scheduleId, version, cancellationToken).ConfigureAwait(false);
        TrainingPolicy policy = PolicyLoader.Load(configFolder);
        DateTime since = state.Since.UtcDateTime;
        (_, _, DegradationVerdict verdict) = VersionMonitor.Evaluate(Path.Combine(stores.ModelsRoot, version), policy, await stores.Bars(cancellationToken).ConfigureAwait(false), since);
        if (stores.Database is { } db)
        {
            await VersionMonitor.RecordAsync(db, scheduleId, version, since, verdict, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        }

        return verdict.RetrainRecommended
            ? new DegradationSignal(version, state.Since, string.Join("; ", verdict.Findings.Where(f => f.Level == MonitorLevel.Alert).Select(f => $"{f.Rule} {f.Subject}: {f.Detail}")))
            : null;
    }
}
