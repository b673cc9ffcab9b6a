using Alpha.Retraining;

namespace Alpha.Retraining.Tests;

public sealed class RetrainScheduleTests
{
    private static readonly DateTimeOffset s_start = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void DailyCron_OverSimulatedWeeks_FiresOncePerDay_AtItsTime()
    {
        var schedule = new RetrainSchedule("audnzd-h4", "30 2 * * *");
        var fired = new List<DateTimeOffset>();
        DateTimeOffset last = s_start;

        // A service polling every 7 minutes for four weeks: each poll asks what is due since the last run.
        for (DateTimeOffset now = s_start; now < s_start.AddDays(28); now = now.AddMinutes(7))
        {
            if (schedule.Due(last, now) is { } due)
            {
                fired.Add(due);
                last = due;
            }
        }

        Assert.Equal(28, fired.Count);
        Assert.All(fired, f => Assert.Equal(new TimeSpan(2, 30, 0), f.TimeOfDay));
        Assert.Equal(28, fired.Select(f => f.Date).Distinct().Count());
    }

    [Fact]
    public void AfterDowntime_TheMissedRunsAreCaughtUpOnce_ByTheLatestOccurrence()
    {
        var schedule = new RetrainSchedule("audnzd-h4", "0 2 * * *");
        DateTimeOffset lastRun = new(2026, 12, 3, 2, 0, 0, TimeSpan.Zero);
        DateTimeOffset backUp = new(2026, 12, 7, 15, 0, 0, TimeSpan.Zero);      // down from the 3rd to the 7th

        DateTimeOffset? due = schedule.Due(lastRun, backUp);

        Assert.Equal(new DateTimeOffset(2026, 12, 7, 2, 0, 0, TimeSpan.Zero), due);
        Assert.Null(schedule.Due(due!.Value, backUp));                            // and nothing more until the 8th
        Assert.Equal(new DateTimeOffset(2026, 12, 8, 2, 0, 0, TimeSpan.Zero), schedule.Next(backUp));
    }

    [Fact]
    public void MonthlyCron_IsEvaluatedInUtc()
    {
        var schedule = new RetrainSchedule("monthly", "0 2 1 * *");

        Assert.Equal(new DateTimeOffset(2027, 1, 1, 2, 0, 0, TimeSpan.Zero), schedule.Next(new DateTimeOffset(2026, 12, 8, 3, 0, 0, TimeSpan.FromHours(9))));
    }

    [Theory]
    [InlineData("every day")]
    [InlineData("61 * * * *")]
    [InlineData("0 0 * * * *")]
    public void BadCron_IsRefused_SayingSo(string cron)
    {
        ArgumentException e = Assert.Throws<ArgumentException>(() => new RetrainSchedule("s", cron));

        Assert.Contains($"'{cron}' is not a five-field cron expression", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Backoff_GrowsExponentially_WithSeededJitter_AndStopsAfterTheRetries()
    {
        var backoff = new RetryBackoff(TimeSpan.FromMinutes(10), maxRetries: 2, seed: 7);
        var again = new RetryBackoff(TimeSpan.FromMinutes(10), maxRetries: 2, seed: 7);

        TimeSpan[] waits = [backoff.Wait(1), backoff.Wait(2), backoff.Wait(3)];

        Assert.InRange(waits[0], TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(15));
        Assert.InRange(waits[1], TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(30));
        Assert.InRange(waits[2], TimeSpan.FromMinutes(20), TimeSpan.FromMinutes(60));
        Assert.Equal(waits, new[] { again.Wait(1), again.Wait(2), again.Wait(3) });
        Assert.Equal(new[] { true, true, true, false }, new[] { backoff.MayRetry(0), backoff.MayRetry(1), backoff.MayRetry(2), backoff.MayRetry(3) });
    }
}
