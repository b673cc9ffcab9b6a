namespace Alpha.CrossValidation;

/// <summary>
/// Walk-forward by calendar: consecutive test windows of whole UTC months, the first starting at the first month
/// boundary at least <see cref="CalendarWalkForwardOptions.MinTrainDays"/> after the first sample; a sample is
/// in a window when its t0 bar's timestamp is. Training is every earlier sample (or the last
/// <see cref="CalendarWalkForwardOptions.MaxTrainDays"/>), purged against the window's test span. Windows without
/// samples (a market closed for a month) are skipped.
/// </summary>
public sealed class CalendarWalkForward
{
    /// <summary>Creates the splitter.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public CalendarWalkForward(CalendarWalkForwardOptions? options = null)
    {
        Options = options ?? new CalendarWalkForwardOptions();
        Options.Validate();
    }

    /// <summary>The settings.</summary>
    public CalendarWalkForwardOptions Options { get; }

    /// <summary>The folds, oldest test window first.</summary>
    /// <exception cref="ArgumentException">The axis has no timestamps, the data ends before the first test window, or purging empties a training set.</exception>
    public IEnumerable<Fold> Split(LabelEvents events)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (!events.Axis.HasTimestamps)
        {
            throw new ArgumentException("Calendar walk-forward needs a bar axis with timestamps (BarAxis.FromTimestamps).", nameof(events));
        }

        if (events.Count == 0)
        {
            throw new ArgumentException("There are no samples to split.", nameof(events));
        }

        DateTime firstTest = MonthStartOnOrAfter(TimeOf(events, 0).AddDays(Options.MinTrainDays));
        if (firstTest > TimeOf(events, events.Count - 1))
        {
            throw new ArgumentException(
                $"The samples end at {TimeOf(events, events.Count - 1):O}, before the first test window at {firstTest:O} ({Options.MinTrainDays} days of training).",
                nameof(events));
        }

        return Folds(events, firstTest);
    }

    private IEnumerable<Fold> Folds(LabelEvents events, DateTime firstTest)
    {
        int k = 0;
        int testStart = FirstAtOrAfter(events, firstTest, 0);
        for (DateTime windowStart = firstTest; testStart < events.Count; windowStart = windowStart.AddMonths(Options.TestMonths))
        {
            DateTime windowEnd = windowStart.AddMonths(Options.TestMonths);
            int testEnd = FirstAtOrAfter(events, windowEnd, testStart);
            if (testEnd == testStart)
            {
                continue;
            }

            int trainStart = Options.MaxTrainDays is int days ? FirstAtOrAfter(events, windowStart.AddDays(-days), 0) : 0;
            TestSpan[] span = [Purging.SpanOf(events, testStart, testEnd)];
            int[] train = Purging.Train(events, trainStart, testStart, span, Options.PurgeBars, Options.EmbargoBars);
            if (train.Length == 0)
            {
                throw new ArgumentException(
                    $"Test window {windowStart:yyyy-MM}: purging {Options.PurgeBars} bars around test span [{span[0].Start}, {span[0].End}] leaves no training sample.",
                    nameof(events));
            }

            yield return new Fold(k++, train, Purging.Range(testStart, testEnd), span);
            testStart = testEnd;
        }
    }

    private static DateTime TimeOf(LabelEvents events, int sample) => events.Axis.Timestamps[events.T0[sample]];

    private static int FirstAtOrAfter(LabelEvents events, DateTime time, int from)
    {
        int lo = from, hi = events.Count;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (TimeOf(events, mid) < time)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    private static DateTime MonthStartOnOrAfter(DateTime time)
    {
        var monthStart = new DateTime(time.Year, time.Month, 1, 0, 0, 0, DateTimeKind.Utc);
        return monthStart == time ? monthStart : monthStart.AddMonths(1);
    }
}
