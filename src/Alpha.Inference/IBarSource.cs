namespace Alpha.Inference;

/// <summary>
/// Where the worker's bars come from (DESIGN.md § 6 "Worker"): Redis streams, PostgreSQL or a CSV replay. A source
/// delivers each symbol's bars in time order and sends a message it cannot read to its own dead letters, never to the
/// worker. On start it delivers from the beginning of the history it holds; engines restored from a checkpoint skip
/// what they have already decided.
/// </summary>
public interface IBarSource
{
    /// <summary>
    /// Adds the bars available now to <paramref name="bars"/>, in arrival order, waiting at most the source's poll
    /// interval when none are; returns false once a finite source (a replay) has delivered everything (the bars this
    /// call added still count).
    /// </summary>
    /// <param name="bars">Receives the bars.</param>
    /// <param name="cancellationToken">Stops the wait.</param>
    ValueTask<bool> ReadAsync(ICollection<SourcedBar> bars, CancellationToken cancellationToken);
}
