namespace Alpha.Inference;

/// <summary>
/// A poll loop's early wake-up: a loop waits for <see cref="Set"/> or its poll interval, whichever comes first (on an
/// injected <see cref="TimeProvider"/>). Used for the relay's nudge after an outbox write and a bar source's pub/sub
/// nudge — the poll interval is the truth, a wake-up only makes it sooner.
/// </summary>
public sealed class Wakeup
{
    private readonly TimeProvider _time;
    private TaskCompletionSource _signal = NewSignal();

    /// <summary>Creates a wake-up on <paramref name="timeProvider"/>'s timers.</summary>
    public Wakeup(TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        _time = timeProvider;
    }

    /// <summary>Wakes the waiter now, or makes its next wait return at once.</summary>
    public void Set() => Volatile.Read(ref _signal).TrySetResult();

    /// <summary>Waits until <see cref="Set"/> or <paramref name="timeout"/>; true when woken.</summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        TaskCompletionSource signal = Volatile.Read(ref _signal);
        if (!signal.Task.IsCompleted)
        {
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            Task delay = Task.Delay(timeout, _time, stop.Token);
            Task first = await Task.WhenAny(signal.Task, delay).ConfigureAwait(false);
            await stop.CancelAsync().ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            if (first != signal.Task)
            {
                return false;
            }
        }

        Interlocked.CompareExchange(ref _signal, NewSignal(), signal);
        return true;
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
