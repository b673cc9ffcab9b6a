using System.Globalization;

namespace Alpha.Retraining;

/// <summary>
/// Runs one (schedule, scheduled time) exactly once: records it (a second start of the same pair does nothing), runs
/// the work with retries (<see cref="RetryBackoff"/>), watches its heartbeat (silent longer than the timeout: the attempt
/// is cancelled and fails with <c>CORE_RETRAIN_HEARTBEAT</c>), and records how it ended — success with the version, blocked
/// (<see cref="RetrainBlockedException"/>: no retry), failed after the last retry, or aborted when the host stops.
/// </summary>
public sealed class RetrainRunner
{
    /// <summary>The error code of an attempt whose heartbeat stopped.</summary>
    public const string HeartbeatCode = "CORE_RETRAIN_HEARTBEAT";

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
    /// <param name="heartbeatTimeout">Longest silence of a running attempt (seed: heartbeats every 60 s; a few of them); positive.</param>
    public RetrainRunner(IRetrainRunStore store, RetryBackoff backoff, TimeProvider timeProvider, string host, TimeSpan heartbeatTimeout)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(backoff);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentException.ThrowIfNullOrWhiteSpace(host);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(heartbeatTimeout, TimeSpan.Zero);
        (_store, _backoff, _time, _host, _heartbeatTimeout) = (store, backoff, timeProvider, host, heartbeatTimeout);
    }

    /// <summary>Runs <paramref name="work"/> for the occurrence, unless a run of it exists.</summary>
    /// <param name="scheduleId">The schedule.</param>
    /// <param name="scheduledFor">The occurrence.</param>
    /// <param name="trigger">What started it.</param>
    /// <param name="work">One attempt: trains and registers, returning the version; beats its heartbeat during long stages.</param>
    /// <param name="cancellationToken">The host stopping: the run ends aborted.</param>
    /// <returns>The run as it ended, or null when it had been started before (here or on another host).</returns>
    public async Task<RetrainRun?> RunAsync(string scheduleId, DateTimeOffset scheduledFor, RetrainTrigger trigger, Func<RetrainAttempt, CancellationToken, Task<string>> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        DateTimeOffset now = _time.GetUtcNow();
        var run = new RetrainRun(scheduleId, scheduledFor, trigger, RetrainRunStatus.Running, 1, _host, now, now, null, null, null);
        if (!await _store.TryStartAsync(run, cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        while (true)
        {
            var attempt = new RetrainAttempt(run.Attempts, _time);
            try
            {
                string version = await WatchAsync(attempt, work, cancellationToken).ConfigureAwait(false);
                return await EndAsync(run, RetrainRunStatus.Success, version, null).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return await EndAsync(run, RetrainRunStatus.Aborted, null, "CORE_RETRAIN_ABORTED: the host stopped during the run.").ConfigureAwait(false);
            }
            catch (RetrainBlockedException e)
            {
                return await EndAsync(run, RetrainRunStatus.Blocked, null, $"{e.Code}: {e.Message}").ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                string error = e is HeartbeatStoppedException ? e.Message : $"CORE_RETRAIN_FAILED: {e.GetType().Name}: {e.Message}";
                if (!_backoff.MayRetry(run.Attempts))
                {
                    return await EndAsync(run, RetrainRunStatus.Failed, null, error).ConfigureAwait(false);
                }

                run = run with { Status = RetrainRunStatus.Retrying, Error = error, HeartbeatAt = _time.GetUtcNow() };
                await _store.UpdateAsync(run, CancellationToken.None).ConfigureAwait(false);
                try
                {
                    await Task.Delay(_backoff.Wait(run.Attempts), _time, cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return await EndAsync(run, RetrainRunStatus.Aborted, null, "CORE_RETRAIN_ABORTED: the host stopped while the run waited to retry.").ConfigureAwait(false);
                }

                run = run with { Status = RetrainRunStatus.Running, Attempts = run.Attempts + 1, HeartbeatAt = _time.GetUtcNow() };
                await _store.UpdateAsync(run, CancellationToken.None).ConfigureAwait(false);
            }
        }
    }

    // The attempt, cancelled when its heartbeat stays silent longer than the timeout (checked every tenth of it).
    private async Task<string> WatchAsync(RetrainAttempt attempt, Func<RetrainAttempt, CancellationToken, Task<string>> work, CancellationToken cancellationToken)
    {
        using var stalled = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var watchdog = new CancellationTokenSource();
        Task<string> running = work(attempt, stalled.Token);
        TimeSpan check = _heartbeatTimeout / 10;
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

                throw new HeartbeatStoppedException(string.Create(CultureInfo.InvariantCulture, $"{HeartbeatCode}: attempt {attempt.Number} gave no heartbeat for {attempt.Silence.TotalSeconds:0} s (limit {_heartbeatTimeout.TotalSeconds:0} s)."));
            }
        }

        await watchdog.CancelAsync().ConfigureAwait(false);
        return await running.ConfigureAwait(false);
    }

    private async Task<RetrainRun> EndAsync(RetrainRun run, RetrainRunStatus status, string? version, string? error)
    {
        DateTimeOffset now = _time.GetUtcNow();
        RetrainRun ended = run with { Status = status, Version = version, Error = error, FinishedAt = now, HeartbeatAt = now };
        await _store.UpdateAsync(ended, CancellationToken.None).ConfigureAwait(false);
        return ended;
    }

    private sealed class HeartbeatStoppedException(string message) : Exception(message);
}
