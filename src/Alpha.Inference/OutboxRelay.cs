using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Polly;

namespace Alpha.Inference;

/// <summary>
/// Delivers the outbox to its targets (DESIGN.md § 6 "Worker"): one loop per target reads the entries after the
/// target's cursor, delivers them and moves the cursor; a failed delivery is retried with exponential backoff and
/// jitter (Polly) for as long as the target is down, while the other targets carry on. Delivery is at least once and
/// the targets are idempotent, so the effect is exactly once.
/// </summary>
public sealed partial class OutboxRelay
{
    private readonly IOutbox _outbox;
    private readonly IRelayTarget[] _targets;
    private readonly Wakeup[] _wakeups;
    private readonly long[] _pending;
    private readonly WorkerOptions _options;
    private readonly ResiliencePipeline[] _retries;
    private readonly ILogger _logger;

    /// <summary>Creates the relay.</summary>
    /// <exception cref="ArgumentException">Two targets have the same name, or there are none.</exception>
    public OutboxRelay(IOutbox outbox, IEnumerable<IRelayTarget> targets, WorkerOptions options, TimeProvider timeProvider, ILogger<OutboxRelay>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(outbox);
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        options.Validate();
        _targets = [.. targets];
        if (_targets.Length == 0 || _targets.Select(t => t.Name).Distinct(StringComparer.Ordinal).Count() != _targets.Length)
        {
            throw new ArgumentException($"The relay needs at least one target and distinct names ({string.Join(", ", _targets.Select(t => t.Name))}).", nameof(targets));
        }

        _outbox = outbox;
        _options = options;
        _logger = logger ?? NullLogger<OutboxRelay>.Instance;
        _wakeups = [.. _targets.Select(_ => new Wakeup(timeProvider))];
        _pending = new long[_targets.Length];
        _retries = [.. _targets.Select(t => RetryForever.Pipeline(t.Name, options, timeProvider, _logger))];
    }

    /// <summary>The targets' names, in order.</summary>
    public IReadOnlyList<string> Targets => [.. _targets.Select(t => t.Name)];

    /// <summary>Entries each target had not delivered when it last looked (a gauge, by target name).</summary>
    public IReadOnlyDictionary<string, long> Pending => _targets.Select((t, i) => (t.Name, Volatile.Read(ref _pending[i]))).ToDictionary(x => x.Name, x => x.Item2, StringComparer.Ordinal);

    /// <summary>Tells every target loop that something was written (it looks at once instead of at its next poll).</summary>
    public void Nudge()
    {
        foreach (Wakeup wakeup in _wakeups)
        {
            wakeup.Set();
        }
    }

    /// <summary>Runs the target loops until <paramref name="cancellationToken"/> is cancelled.</summary>
    public Task RunAsync(CancellationToken cancellationToken) =>
        Task.WhenAll(_targets.Select((_, i) => LoopAsync(i, cancellationToken)));

    /// <summary>Delivers everything pending to every target, retrying, for at most <see cref="WorkerOptions.DrainTimeout"/>.</summary>
    /// <returns>Whether every target caught up (what is left is delivered at the next start).</returns>
    public async Task<bool> DrainAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.DrainTimeout);
        try
        {
            await Task.WhenAll(_targets.Select((_, i) => DrainTargetAsync(i, timeout.Token))).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException)
        {
            LogDrainIncomplete(_logger, _options.DrainTimeout.TotalSeconds);
            return false;
        }
    }

    private async Task LoopAsync(int i, CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                if (await DeliverOnceAsync(i, cancellationToken).ConfigureAwait(false) == 0)
                {
                    await _wakeups[i].WaitAsync(_options.RelayPollInterval, cancellationToken).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // stopping: DrainAsync delivers what is left
        }
    }

    private async Task DrainTargetAsync(int i, CancellationToken cancellationToken)
    {
        while (await DeliverOnceAsync(i, cancellationToken).ConfigureAwait(false) > 0)
        {
        }
    }

    // One read-deliver-mark round, retried as a whole while it fails; the number of entries delivered.
    private async Task<int> DeliverOnceAsync(int i, CancellationToken cancellationToken)
    {
        IRelayTarget target = _targets[i];
        return await _retries[i].ExecuteAsync(
            async token =>
            {
                IReadOnlyList<OutboxEntry> entries = await _outbox.ReadPendingAsync(target.Name, _options.RelayBatchSize, token).ConfigureAwait(false);
                if (entries.Count > 0)
                {
                    await target.DeliverAsync(entries, token).ConfigureAwait(false);
                    await _outbox.MarkDeliveredAsync(target.Name, entries[^1].Sequence, token).ConfigureAwait(false);
                }

                Volatile.Write(ref _pending[i], await _outbox.CountPendingAsync(target.Name, token).ConfigureAwait(false));
                return entries.Count;
            },
            cancellationToken).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The outbox was not fully delivered within {Seconds} s of shutdown; the rest is delivered at the next start")]
    private static partial void LogDrainIncomplete(ILogger logger, double seconds);
}
