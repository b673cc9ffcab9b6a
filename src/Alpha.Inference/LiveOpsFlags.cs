using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Alpha.Inference;

/// <summary>
/// The worker's operator flags (DESIGN.md § 6): refreshed from the fast store (Redis) on a schedule and read by every
/// engine at every bar. When the fast store holds no flags at all (Redis lost them), the durable store's are used and
/// written back to it — and if the durable store cannot be read then, the table in force stays (no flags in Redis is the
/// normal state; a PostgreSQL outage must not halt trading); when the fast store cannot be read, the durable one is read
/// instead; when neither can be read — or before the first refresh — <see cref="Read"/> throws, and the engines fail
/// safe to a soft halt.
/// </summary>
public sealed partial class LiveOpsFlags : IOpsFlagSource
{
    private readonly IOpsFlagStore _fast;
    private readonly IOpsFlagStore? _durable;
    private readonly ILogger _logger;
    private volatile OpsFlagTable? _current;

    /// <summary>Creates the flags; nothing is readable until <see cref="RefreshAsync"/> succeeds.</summary>
    public LiveOpsFlags(IOpsFlagStore fast, IOpsFlagStore? durable = null, ILogger<LiveOpsFlags>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(fast);
        (_fast, _durable) = (fast, durable);
        _logger = logger ?? NullLogger<LiveOpsFlags>.Instance;
    }

    /// <summary>The table in force, or null while the flags cannot be read.</summary>
    public OpsFlagTable? Current => _current;

    /// <inheritdoc/>
    /// <exception cref="InvalidOperationException">The flags could not be read at the last refresh.</exception>
    public OpsFlags Read(string modelId, string pairId, DateTime barTime) =>
        (_current ?? throw new InvalidOperationException("The operator flags could not be read.")).For(modelId, pairId);

    /// <summary>Reads the flags once; false (and the engines fail safe) when no store could be read.</summary>
    /// <remarks>
    /// When the fast store holds none and the durable one cannot be read, the table in force is kept (the fast store is up
    /// and the durable copy was read before); only with no table yet do the engines fail safe.
    /// </remarks>
    public async Task<bool> RefreshAsync(CancellationToken cancellationToken)
    {
        OpsFlagTable? table;
        try
        {
            table = await _fast.ReadAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogUnreadable(_logger, _fast.Name, e.Message);
            return await ReadDurableAsync(fallback: null, writeBack: false, cancellationToken).ConfigureAwait(false);
        }

        if (table is null && _durable is not null)
        {
            return await ReadDurableAsync(fallback: _current, writeBack: true, cancellationToken).ConfigureAwait(false);
        }

        _current = table ?? OpsFlagTable.Empty;
        return true;
    }

    // The durable store's table (written back to the fast store when that one was read empty); when it cannot be read, the fallback.
    private async Task<bool> ReadDurableAsync(OpsFlagTable? fallback, bool writeBack, CancellationToken cancellationToken)
    {
        OpsFlagTable? kept;
        try
        {
            kept = _durable is null ? null : await _durable.ReadAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogUnreadable(_logger, _durable!.Name, e.Message);
            _current = fallback;
            return _current is not null;
        }

        if (kept is not null && writeBack)
        {
            try
            {
                await _fast.WriteAsync(kept, "worker: reload", cancellationToken).ConfigureAwait(false);
                LogReloaded(_logger, _fast.Name, _durable!.Name, kept.Entries.Count);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogUnwritable(_logger, _fast.Name, e.Message);
            }
        }

        _current = kept ?? OpsFlagTable.Empty;
        return true;
    }

    /// <summary>
    /// Raises one entry (<see cref="IOpsFlagStore.RaiseAsync"/>): in force in this worker at once, then written to the fast
    /// and the durable store. A store that cannot be written is logged; the next refresh then drops the raise from this
    /// worker's table too, and whoever raised it raises it again.
    /// </summary>
    /// <returns>Whether every store took it.</returns>
    public async Task<bool> RaiseAsync(string modelId, string pairId, OpsFlags flags, string actor, CancellationToken cancellationToken)
    {
        _current = (_current ?? OpsFlagTable.Empty).Raise(modelId, pairId, flags);
        bool written = true;
        foreach (IOpsFlagStore store in _durable is null ? [_fast] : (IOpsFlagStore[])[_fast, _durable])
        {
            try
            {
                await store.RaiseAsync(modelId, pairId, flags, actor, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogUnwritable(_logger, store.Name, e.Message);
                written = false;
            }
        }

        return written;
    }

    /// <summary>Refreshes every <paramref name="interval"/> until <paramref name="cancellationToken"/> is cancelled.</summary>
    public async Task RunAsync(TimeSpan interval, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        try
        {
            while (true)
            {
                await Task.Delay(interval, timeProvider, cancellationToken).ConfigureAwait(false);
                await RefreshAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Operator flags: {Fast} held none; reloaded {Count} entries from {Durable}")]
    private static partial void LogReloaded(ILogger logger, string fast, string durable, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Operator flags: {Store} cannot be written ({Reason})")]
    private static partial void LogUnwritable(ILogger logger, string store, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Operator flags: {Store} cannot be read ({Reason})")]
    private static partial void LogUnreadable(ILogger logger, string store, string reason);
}
