using System.Collections.Immutable;

namespace Alpha.Retraining;

/// <summary>
/// The run records (Alpha.Storage.Postgres: <c>audit.retrain_runs</c>; embedded: <see cref="JsonLinesRetrainRunStore"/>).
/// (schedule id, scheduled time) is unique: of two hosts starting the same run, one wins.
/// </summary>
public interface IRetrainRunStore
{
    /// <summary>Records <paramref name="run"/> unless a run of the same schedule and scheduled time exists.</summary>
    /// <returns>Whether it was recorded (false: the run exists — it never happens twice).</returns>
    ValueTask<bool> TryStartAsync(RetrainRun run, CancellationToken cancellationToken);

    /// <summary>Replaces the stored run of the same schedule and scheduled time.</summary>
    /// <exception cref="InvalidOperationException">No such run is stored.</exception>
    ValueTask UpdateAsync(RetrainRun run, CancellationToken cancellationToken);

    /// <summary>The schedule's runs, newest scheduled time first, at most <paramref name="limit"/> (in [1, 1000]).</summary>
    ValueTask<ImmutableArray<RetrainRun>> RecentAsync(string scheduleId, int limit, CancellationToken cancellationToken);
}
