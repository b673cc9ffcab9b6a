using System.Collections.Immutable;

namespace Alpha.Operations;

/// <summary>Where degradation verdicts are kept (Alpha.Storage.Postgres: <c>core.monitoring_verdicts</c>).</summary>
public interface IMonitoringStore
{
    /// <summary>Appends a verdict.</summary>
    ValueTask AppendAsync(MonitoringRecord record, CancellationToken cancellationToken);

    /// <summary>The newest verdict of every model that has one, in model order.</summary>
    ValueTask<ImmutableArray<MonitoringRecord>> LatestAsync(CancellationToken cancellationToken);
}
