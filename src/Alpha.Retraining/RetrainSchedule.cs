using Cronos;

namespace Alpha.Retraining;

/// <summary>
/// A cron schedule in UTC (<c>retrain_cron</c>, five fields, e.g. <c>0 2 1 * *</c> for 02:00 on the first of each month)
/// and which occurrence is due: the latest one after the last run and at or before now — so after downtime the missed
/// runs are caught up once, by their latest occurrence, never one by one.
/// </summary>
public sealed class RetrainSchedule
{
    private readonly CronExpression _cron;

    /// <summary>Creates the schedule.</summary>
    /// <param name="scheduleId">The schedule's id (the run records' key).</param>
    /// <param name="cron">A five-field cron expression, evaluated in UTC.</param>
    /// <exception cref="ArgumentException">The id is empty or the expression is not a cron expression (the message says why).</exception>
    public RetrainSchedule(string scheduleId, string cron)
        : this(scheduleId, cron, nameof(cron))
    {
    }

    internal RetrainSchedule(string scheduleId, string cron, string key)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(scheduleId);
        ArgumentException.ThrowIfNullOrWhiteSpace(cron, key);
        try
        {
            _cron = CronExpression.Parse(cron, CronFormat.Standard);
        }
        catch (CronFormatException e)
        {
            throw new ArgumentException($"'{cron}' is not a five-field cron expression: {e.Message}", key, e);
        }

        (ScheduleId, Cron) = (scheduleId, cron);
    }

    /// <summary>The schedule's id.</summary>
    public string ScheduleId { get; }

    /// <summary>The cron expression.</summary>
    public string Cron { get; }

    /// <summary>The first occurrence strictly after <paramref name="after"/>, or null when there is none.</summary>
    public DateTimeOffset? Next(DateTimeOffset after) => _cron.GetNextOccurrence(after, TimeZoneInfo.Utc, inclusive: false);

    /// <summary>
    /// The occurrence due at <paramref name="now"/>: the latest in (<paramref name="since"/>, <paramref name="now"/>], or
    /// null when none has come. <paramref name="since"/> is the last run's scheduled time — or, for a schedule that never
    /// ran, when the service started (a new schedule does not run for its past).
    /// </summary>
    public DateTimeOffset? Due(DateTimeOffset since, DateTimeOffset now)
    {
        DateTimeOffset? due = null;
        for (DateTimeOffset? next = Next(since); next is { } n && n <= now; next = Next(n))
        {
            due = n;
        }

        return due;
    }
}
