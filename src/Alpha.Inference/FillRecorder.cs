using Polly;

namespace Alpha.Inference;

/// <summary>
/// Moves fills from their source to their store (DESIGN.md § 6 "Worker": fills into <c>core.live_trades</c>), retrying a
/// store that is down with backoff for as long as it takes; the source is read again only once the store has them, and
/// the store is idempotent, so each fill is kept exactly once.
/// </summary>
public sealed class FillRecorder
{
    private readonly IFillSource _source;
    private readonly IFillStore _store;
    private readonly ResiliencePipeline _retry;

    /// <summary>Creates the recorder.</summary>
    public FillRecorder(IFillSource source, IFillStore store, WorkerOptions options, TimeProvider timeProvider, Microsoft.Extensions.Logging.ILogger<FillRecorder>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        (_source, _store) = (source, store);
        _retry = RetryForever.Pipeline("fills", options, timeProvider, logger);
    }

    /// <summary>Fills stored so far.</summary>
    public long Stored { get; private set; }

    /// <summary>Runs until <paramref name="cancellationToken"/> is cancelled.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var fills = new List<Fill>();
        try
        {
            while (true)
            {
                fills.Clear();
                await _source.ReadAsync(fills, cancellationToken).ConfigureAwait(false);
                if (fills.Count > 0)
                {
                    await _retry.ExecuteAsync(token => _store.StoreAsync(fills, token), cancellationToken).ConfigureAwait(false);
                    Stored += fills.Count;
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }
}
