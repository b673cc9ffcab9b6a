using System.Globalization;

namespace Alpha.Retraining;

/// <summary>
/// Runs one occurrence exactly once: records it (a second start of the same (schedule, scheduled time) does nothing),
/// runs the work with retries (<see cref="RetryBackoff"/>), watches its heartbeat (silent longer than the timeout: the
/// attempt is cancelled and fails with <c>CORE_RETRAIN_HEARTBEAT</c>), keeps the stored heartbeat fresh while it beats
/// and while a retry waits, and records how it ended — success with what it registered, blocked
/// (<see cref="RetrainBlockedException"/>, or an outcome with missing metrics: no retry), failed after the last retry, or
/// aborted when the host stops.
/// </summary>
public sealed class RetrainRunner
{
    private readonly IRetrainRunStore _store;
    private readonly RetryBackoff _backoff;
    private readonly TimeProvider _time;
    private readonly string _host;
    private readonly TimeSpan _heartbeatTimeout;

    /// <summary>Creates the runner.</summary>
    /// <param name="store">The run records.</param>
    /// <param name="backoff">Retries and their waits.</param>
    /// <param name="timeProvider">The clock (waits and heartbeats).</param>
    /// <param name="host">This host's name, recorded with each run.</param>
    /// <param name="heartbeatTimeout">Longest silence of a running attempt (seed 003: heartbeats every 60 s; allow a few); positive.</param>
    public RetrainRunner(IRetrainRunStore store, RetryBackoff backoff, TimeProvider timeProvider, string host, TimeSpan heartbeatTimeout)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(backoff);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentException.ThrowIfNullOrWhiteSpace(host);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(heartbeatTimeout, TimeSpan.Zero);
        (_store, _backoff, _time, _host, _heartbeatTimeout) = (store, backoff, timeProvider, host, heartbeatTimeout);
    }

    /// <summary>The longest silence of a running attempt.</summary>
    public TimeSpan HeartbeatTimeout => _heartbeatTimeout;

    /// <summary>Runs <paramref name="work"/> for <paramref name="occurrence"/>, unless a run of it exists.</summary>
    /// <param name="occurrence">The schedule, occurrence, trigger and cause.</param>
    /// <param name="work">One attempt.</param>
    /// <param name="cancellationToken">The host stopping: the run ends aborted.</param>
    /// <returns>The run as it ended, or null when it had been started before (here or on another host).</returns>
    public async Task<RetrainRun?> RunAsync(RetrainOccurrence occurrence, RetrainWork work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(occurrence);
        ArgumentNullException.ThrowIfNull(work);
        DateTimeOffset now = _time.GetUtcNow();
        long ticks = occurrence.ScheduledFor.UtcTicks;
        var scheduledFor = new DateTimeOffset(ticks - (ticks % (TimeSpan.TicksPerMillisecond / 1000)), TimeSpan.Zero);    // whole microseconds: every store keeps the key exactly
        var run = new RetrainRun(
            Guid.CreateVersion7(now), occurrence.ScheduleId, scheduledFor, occurrence.Trigger, occurrence.Cause, RetrainRunStatus.Running, 1, _host, now, now, null, null, occurrence.LogPath, null);
        if (!await _store.TryStartAsync(run, cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        while (true)
        {
            var attempt = new RetrainAttempt(run.Attempts, run, _time);
            try
            {
                RetrainOutcome outcome = await WatchAsync(attempt, work, cancellationToken).ConfigureAwait(false);
                return outcome.Problem() is { } problem
                    ? await EndAsync(run, RetrainRunStatus.Blocked, null, $"{RetrainCodes.Metrics}: {problem}").ConfigureAwait(false)
                    : await EndAsync(run, RetrainRunStatus.Success, outcome, null).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return await EndAsync(run, RetrainRunStatus.Aborted, null, $"{RetrainCodes.Aborted}: the host stopped during the run.").ConfigureAwait(false);
            }
            catch (RetrainBlockedException e)
            {
                return await EndAsync(run, RetrainRunStatus.Blocked, null, $"{e.Code}: {e.Message}").ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                string error = e is HeartbeatStoppedException ? e.Message : $"{RetrainCodes.Failed}: {e.GetType().Name}: {e.Message}";
                if (!_backoff.MayRetry(run.Attempts))
                {
                    return await EndAsync(run, RetrainRunStatus.Failed, null, error).ConfigureAwait(false);
                }

                run = run with { Status = RetrainRunStatus.Retrying, Error = error, HeartbeatAt = _time.GetUtcNow() };
                await _store.UpdateAsync(run, CancellationToken.None).ConfigureAwait(false);
                try
                {
                    run = await WaitAsync(run, _backoff.Wait(run.Attempts), cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return await EndAsync(run, RetrainRunStatus.Aborted, null, $"{RetrainCodes.Aborted}: the host stopped while the run waited to retry.").ConfigureAwait(false);
                }

                run = run with { Status = RetrainRunStatus.Running, Attempts = run.Attempts + 1, HeartbeatAt = _time.GetUtcNow() };
                await _store.UpdateAsync(run, CancellationToken.None).ConfigureAwait(false);
            }
        }
    }

    // The backoff wait, in steps of at most a third of the heartbeat timeout, each refreshing the stored heartbeat (a
    // waiting run is alive: no other host may take it for orphaned).
    private async Task<RetrainRun> WaitAsync(RetrainRun run, TimeSpan wait, CancellationToken cancellationToken)
    {
        DateTimeOffset until = _time.GetUtcNow() + wait;
        for (TimeSpan left = wait; left > TimeSpan.Zero; left = until - _time.GetUtcNow())
        {
            await Task.Delay(left < _heartbeatTimeout / 3 ? left : _heartbeatTimeout / 3, _time, cancellationToken).ConfigureAwait(false);
            run = run with { HeartbeatAt = _time.GetUtcNow() };
            await _store.UpdateAsync(run, CancellationToken.None).ConfigureAwait(false);
        }

        return run;
    }

    // The attempt, cancelled when its heartbeat stays silent longer than the timeout (checked every tenth of it); the
    // stored heartbeat follows the attempt's beats, at most every third of the timeout.
    private async Task<RetrainOutcome> WatchAsync(RetrainAttempt attempt, RetrainWork work, CancellationToken cancellationToken)
    {
        using var stalled = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var watchdog = new CancellationTokenSource();
        Task<RetrainOutcome> running = work(attempt, stalled.Token);
        TimeSpan check = _heartbeatTimeout / 10;
        RetrainRun stored = attempt.Run;
        while (!running.IsCompleted)
        {
            Task tick = Task.Delay(check, _time, watchdog.Token);
            if (await Task.WhenAny(running, tick).ConfigureAwait(false) == running)
            {
                break;
            }

            if (attempt.Silence > _heartbeatTimeout)
            {
                await stalled.CancelAsync().ConfigureAwait(false);
                try
                {
                    await running.ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    // the work stopped as asked
                }

                throw new HeartbeatStoppedException(string.Create(CultureInfo.InvariantCulture, $"{RetrainCodes.Heartbeat}: attempt {attempt.Number} gave no heartbeat for {attempt.Silence.TotalSeconds:0} s (limit {_heartbeatTimeout.TotalSeconds:0} s)."));
            }

            if (attempt.LastBeatAt - stored.HeartbeatAt >= _heartbeatTimeout / 3)
            {
                stored = stored with { HeartbeatAt = attempt.LastBeatAt };
                await _store.UpdateAsync(stored, CancellationToken.None).ConfigureAwait(false);
            }
        }

        await watchdog.CancelAsync().ConfigureAwait(false);
        return await running.ConfigureAwait(false);
    }

    private async Task<RetrainRun> EndAsync(RetrainRun run, RetrainRunStatus status, RetrainOutcome? outcome, string? error)
    {
        DateTimeOffset now = _time.GetUtcNow();
        RetrainRun ended = run with { Status = status, Outcome = outcome, Error = error, EndedAt = now, HeartbeatAt = now };
        await _store.UpdateAsync(ended, CancellationToken.None).ConfigureAwait(false);
        return ended;
    }

    private sealed class HeartbeatStoppedException(string message) : Exception(message);
}
