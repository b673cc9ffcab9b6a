using System.Collections.Immutable;
using System.Globalization;
using Microsoft.Extensions.Logging;

namespace Alpha.Retraining;

/// <summary>
/// Retraining that runs itself, for one schedule (a model id): each pass, under the schedule's leader lock, it closes runs
/// a dead host left running (aborted, <c>CORE_RETRAIN_ORPHANED</c>), takes pending manual requests, starts the cron
/// occurrence that is due (a missed one is caught up once), and at each degradation-check occurrence asks the probe
/// whether the deployed version degraded (one run per deployed version). Every run goes through
/// <see cref="RetrainRunner"/> (exactly once, retries, heartbeat); each finished run is measured, logged and notified, and
/// the failure that completes the policy's streak disables the automatic triggers (<c>CORE_RETRAIN_DISABLED</c>, critical)
/// until a manual run succeeds.
/// </summary>
public sealed partial class RetrainService
{
    private readonly RetrainServiceOptions _options;
    private readonly IRetrainRunStore _runs;
    private readonly IRetrainLeaderLock _leader;
    private readonly RetrainWork _work;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly IRetrainRequests? _requests;
    private readonly IDegradationProbe? _probe;
    private readonly IRetrainNotifier? _notifier;
    private readonly RetrainMetrics? _metrics;
    private readonly RetrainSchedule _schedule;
    private readonly RetrainSchedule _degradation;
    private readonly RetrainRunner _runner;
    private readonly DateTimeOffset _startedAt;
    private DateTimeOffset _lastCheck;

    /// <summary>Creates the service; its clock's time now is when it started (a schedule that never ran does not run for its past).</summary>
    /// <param name="options">The schedule, policy and host.</param>
    /// <param name="runs">The run records.</param>
    /// <param name="leader">The leader lock.</param>
    /// <param name="work">One attempt: trains and registers.</param>
    /// <param name="timeProvider">The clock.</param>
    /// <param name="logger">Where events and pass failures are logged.</param>
    /// <param name="requests">Manual requests (<c>/ops/retrain</c>), or null.</param>
    /// <param name="probe">The degradation verdict, or null for no degradation trigger.</param>
    /// <param name="notifier">Where events are sent (a webhook), or null.</param>
    /// <param name="metrics">The retraining metrics, or null.</param>
    /// <exception cref="ArgumentException">The policy is invalid (<see cref="RetrainPolicy.Validate"/>).</exception>
    public RetrainService(
        RetrainServiceOptions options,
        IRetrainRunStore runs,
        IRetrainLeaderLock leader,
        RetrainWork work,
        TimeProvider timeProvider,
        ILogger<RetrainService> logger,
        IRetrainRequests? requests = null,
        IDegradationProbe? probe = null,
        IRetrainNotifier? notifier = null,
        RetrainMetrics? metrics = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(runs);
        ArgumentNullException.ThrowIfNull(leader);
        ArgumentNullException.ThrowIfNull(work);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.PollInterval, TimeSpan.FromSeconds(1));
        options.Policy.Validate();
        (_options, _runs, _leader, _work, _time, _logger) = (options, runs, leader, work, timeProvider, logger);
        (_requests, _probe, _notifier, _metrics) = (requests, probe, notifier, metrics);
        _schedule = new RetrainSchedule(options.ScheduleId, options.Policy.Cron);
        _degradation = new RetrainSchedule(options.ScheduleId, options.Policy.DegradationCron);
        _runner = new RetrainRunner(runs, new RetryBackoff(options.Policy.RetryDelay, options.Policy.RetryMax, options.Seed), timeProvider, options.Host, options.Policy.HeartbeatTimeout);
        _startedAt = _lastCheck = timeProvider.GetUtcNow();
    }

    /// <summary>Runs passes until <paramref name="cancellationToken"/> is cancelled: one now, then at each cron occurrence and every poll interval between. A pass that fails (the database down) is logged and the next one tries again.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await TickAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                LogPassFailed(_logger, _options.ScheduleId, e);
            }

            try
            {
                await Task.Delay(NextWait(), _time, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>One pass (see the class summary).</summary>
    public async Task<RetrainTick> TickAsync(CancellationToken cancellationToken)
    {
        IAsyncDisposable? lease = await _leader.TryAcquireAsync(_options.ScheduleId, cancellationToken).ConfigureAwait(false);
        if (lease is null)
        {
            return new RetrainTick(false, [], [], false);
        }

        await using (lease.ConfigureAwait(false))
        {
            (ImmutableArray<RetrainRun> history, ImmutableArray<RetrainRun> recovered) = await RecoverAsync(cancellationToken).ConfigureAwait(false);
            var ran = ImmutableArray.CreateBuilder<RetrainRun>();
            foreach (RetrainRequest request in _requests is null ? [] : await _requests.PendingAsync(_options.ScheduleId, cancellationToken).ConfigureAwait(false))
            {
                if (await _requests!.TakeAsync(request, _options.Host, _time.GetUtcNow(), cancellationToken).ConfigureAwait(false))
                {
                    await RunOnceAsync(RetrainTrigger.Manual, request.RequestedAt, $"requested by {request.RequestedBy}: {request.Reason} (request {request.Id})", ran, cancellationToken).ConfigureAwait(false);
                }
            }

            // The history is read again only after a step ran something.
            int seen = 0;
            if (ran.Count > seen)
            {
                (history, seen) = (await HistoryAsync(cancellationToken).ConfigureAwait(false), ran.Count);
            }

            if (!Disabled(history))
            {
                DateTimeOffset since = history.Where(r => r.Trigger == RetrainTrigger.Scheduled).Select(r => (DateTimeOffset?)r.ScheduledFor).Max() ?? _startedAt;
                if (_schedule.Due(since, _time.GetUtcNow()) is { } due)
                {
                    await RunOnceAsync(RetrainTrigger.Scheduled, due, $"retrain_cron '{_schedule.Cron}'", ran, cancellationToken).ConfigureAwait(false);
                }
            }

            if (ran.Count > seen)
            {
                (history, seen) = (await HistoryAsync(cancellationToken).ConfigureAwait(false), ran.Count);
            }

            if (_probe is not null && !Disabled(history) && _degradation.Due(_lastCheck, _time.GetUtcNow()) is { } check)
            {
                _lastCheck = check;
                if (await _probe.CheckAsync(_options.ScheduleId, cancellationToken).ConfigureAwait(false) is { } signal)
                {
                    await RunOnceAsync(RetrainTrigger.Degradation, signal.DeployedAt, $"degradation of {signal.Version}: {signal.Summary}", ran, cancellationToken).ConfigureAwait(false);
                }
            }

            if (ran.Count > seen)
            {
                history = await HistoryAsync(cancellationToken).ConfigureAwait(false);
            }

            return new RetrainTick(true, ran.ToImmutable(), recovered, Disabled(history));
        }
    }

    /// <summary>
    /// One manual run now (<c>alpha retrain run</c>), under the leader lock; it runs even when the automatic triggers are
    /// disabled, and its success enables them again.
    /// </summary>
    /// <param name="cause">Who asks and why.</param>
    /// <param name="cancellationToken">Stops the run (it ends aborted).</param>
    /// <returns>The run as it ended.</returns>
    /// <exception cref="InvalidOperationException">Another host leads the schedule (it may be running a retrain now).</exception>
    public async Task<RetrainRun> RunNowAsync(string cause, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(cause);
        IAsyncDisposable lease = await _leader.TryAcquireAsync(_options.ScheduleId, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"Another host leads the retraining of {_options.ScheduleId} (it may be running a retrain now); try again when it is idle.");
        await using (lease.ConfigureAwait(false))
        {
            await RecoverAsync(cancellationToken).ConfigureAwait(false);
            var ran = ImmutableArray.CreateBuilder<RetrainRun>();
            DateTimeOffset now = _time.GetUtcNow();
            await RunOnceAsync(RetrainTrigger.Manual, new DateTimeOffset(now.UtcTicks - (now.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero), cause, ran, cancellationToken).ConfigureAwait(false);
            return ran.Count == 1 ? ran[0] : throw new InvalidOperationException($"A run of {_options.ScheduleId} for {now:u} exists already; try again in a second.");
        }
    }

    private bool Disabled(ImmutableArray<RetrainRun> history) => RetrainHistory.Disabled(history, _options.Policy.DisableAfterFailures);

    // Until the next cron occurrence of either schedule, at most the poll interval, at least a second.
    private TimeSpan NextWait()
    {
        DateTimeOffset now = _time.GetUtcNow();
        DateTimeOffset next = now + _options.PollInterval;
        foreach (DateTimeOffset? occurrence in (DateTimeOffset?[])[_schedule.Next(now), _degradation.Next(now)])
        {
            if (occurrence is { } o && o < next)
            {
                next = o;
            }
        }

        return next - now < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : next - now;
    }

    // Runs whose host stopped beating (it died: its lock is gone, or we would not lead) end aborted.
    // Returns the schedule's history as it stands after the recovery, and the runs it closed.
    private async Task<(ImmutableArray<RetrainRun> History, ImmutableArray<RetrainRun> Recovered)> RecoverAsync(CancellationToken cancellationToken)
    {
        DateTimeOffset now = _time.GetUtcNow();
        var history = ImmutableArray.CreateBuilder<RetrainRun>();
        var recovered = ImmutableArray.CreateBuilder<RetrainRun>();
        foreach (RetrainRun run in await HistoryAsync(cancellationToken).ConfigureAwait(false))
        {
            if (run.Finished || now - run.HeartbeatAt <= _runner.HeartbeatTimeout)
            {
                history.Add(run);
                continue;
            }

            RetrainRun closed = run with
            {
                Status = RetrainRunStatus.Aborted,
                EndedAt = now,
                Error = string.Create(CultureInfo.InvariantCulture, $"{RetrainCodes.Orphaned}: host {run.Host} stopped beating at {run.HeartbeatAt:u} during attempt {run.Attempts}; closed by {_options.Host}."),
            };
            await _runs.UpdateAsync(closed, CancellationToken.None).ConfigureAwait(false);
            history.Add(closed);
            recovered.Add(closed);
            _metrics?.Finished(closed);
            await PublishAsync(Event(RetrainCodes.Orphaned, RetrainSeverity.Warning, closed, closed.Error!), cancellationToken).ConfigureAwait(false);
        }

        return (history.ToImmutable(), recovered.ToImmutable());
    }

    private ValueTask<ImmutableArray<RetrainRun>> HistoryAsync(CancellationToken cancellationToken) =>
        _runs.RecentAsync(_options.ScheduleId, RetrainHistory.Depth, cancellationToken);

    // One occurrence through the runner (nothing when it ran before), then its metrics, event and the disable check.
    private async Task RunOnceAsync(RetrainTrigger trigger, DateTimeOffset scheduledFor, string cause, ImmutableArray<RetrainRun>.Builder ran, CancellationToken cancellationToken)
    {
        string? log = _options.LogFolder is { } folder
            ? Path.Combine(folder, string.Create(CultureInfo.InvariantCulture, $"{_options.ScheduleId}-{scheduledFor.UtcDateTime:yyyyMMddTHHmmssZ}.log"))
            : null;
        RetrainRun? run = await _runner.RunAsync(new RetrainOccurrence(_options.ScheduleId, scheduledFor, trigger, cause, log), _work, cancellationToken).ConfigureAwait(false);
        if (run is null)
        {
            return;
        }

        ran.Add(run);
        _metrics?.Finished(run);
        await PublishAsync(Event(run), CancellationToken.None).ConfigureAwait(false);
        if (run.Status == RetrainRunStatus.Failed)
        {
            int failures = RetrainHistory.ConsecutiveFailures(await HistoryAsync(CancellationToken.None).ConfigureAwait(false));
            if (failures == _options.Policy.DisableAfterFailures)
            {
                await PublishAsync(Event(RetrainCodes.Disabled, RetrainSeverity.Critical, run, string.Create(CultureInfo.InvariantCulture,
                    $"{failures} consecutive failed runs: scheduled and degradation retraining of {_options.ScheduleId} is disabled until a manual run (alpha retrain run, /ops/retrain) succeeds.")), CancellationToken.None).ConfigureAwait(false);
            }
        }
    }

    private RetrainEvent Event(RetrainRun run) => run.Status switch
    {
        RetrainRunStatus.Success => Event(RetrainCodes.Succeeded, RetrainSeverity.Info, run, string.Create(CultureInfo.InvariantCulture,
            $"registered {run.Outcome!.Version} (θ₁ {run.Outcome.Theta1:0.####}, θ₂ {run.Outcome.Theta2:0.####}) after {run.Attempts} attempt(s); {RetrainRunStatuses.Name(run.Trigger)}: {run.Cause}")),
        RetrainRunStatus.Blocked => Event(RetrainCodes.Blocked, RetrainSeverity.Warning, run, run.Error ?? "blocked"),
        RetrainRunStatus.Aborted => Event(RetrainCodes.Aborted, RetrainSeverity.Warning, run, run.Error ?? "aborted"),
        _ => Event(RetrainCodes.Failed, RetrainSeverity.Error, run, $"failed after {run.Attempts} attempt(s): {run.Error}"),
    };

    private RetrainEvent Event(string code, RetrainSeverity severity, RetrainRun run, string message)
    {
        DateTimeOffset now = _time.GetUtcNow();
        var details = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        details["run_id"] = run.RunId.ToString();
        details["scheduled_for"] = run.ScheduledFor.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);
        details["trigger"] = RetrainRunStatuses.Name(run.Trigger);
        details["cause"] = run.Cause;
        details["status"] = RetrainRunStatuses.Name(run.Status);
        details["retry_count"] = run.RetryCount.ToString(CultureInfo.InvariantCulture);
        details["host"] = run.Host;
        if (run.Outcome is { } outcome)
        {
            details["model_version"] = outcome.Version;
            details["theta1"] = outcome.Theta1.ToString("R", CultureInfo.InvariantCulture);
            details["theta2"] = outcome.Theta2.ToString("R", CultureInfo.InvariantCulture);
        }

        if (run.Error is { } error)
        {
            details["error_message"] = error;
        }

        if (run.LogPath is { } log)
        {
            details["log_path"] = log;
        }

        return new RetrainEvent(Guid.CreateVersion7(now), code, severity, now, run.ScheduleId, message, details.ToImmutable());
    }

    private async Task PublishAsync(RetrainEvent e, CancellationToken cancellationToken)
    {
        LogLevel level = Level(e.Severity);
        if (_logger.IsEnabled(level))
        {
            LogEvent(_logger, level, e.Code, e.ScheduleId, e.EventId, e.Message);
        }

        if (_notifier is not null)
        {
            await _notifier.NotifyAsync(e, cancellationToken).ConfigureAwait(false);
        }
    }

    private static LogLevel Level(RetrainSeverity severity) => severity switch
    {
        RetrainSeverity.Info => LogLevel.Information,
        RetrainSeverity.Warning => LogLevel.Warning,
        RetrainSeverity.Error => LogLevel.Error,
        _ => LogLevel.Critical,
    };

    [LoggerMessage(Message = "{Code} {ScheduleId} ({EventId}): {Detail}")]
    private static partial void LogEvent(ILogger logger, LogLevel level, string code, string scheduleId, Guid eventId, string detail);

    [LoggerMessage(Level = LogLevel.Error, Message = "A retraining pass of {ScheduleId} failed; the next pass tries again")]
    private static partial void LogPassFailed(ILogger logger, string scheduleId, Exception exception);
}
