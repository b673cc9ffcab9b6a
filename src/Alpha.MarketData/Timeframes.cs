namespace Alpha.MarketData;

/// <summary>Timeframe helpers: the modal step of a time axis and the number of bars in a day.</summary>
public static class Timeframes
{
    /// <summary>The most frequent step between consecutive timestamps (the smallest among equally frequent ones).</summary>
    /// <exception cref="ArgumentException">Fewer than two timestamps.</exception>
    public static TimeSpan ModalStep(IReadOnlyList<DateTime> times)
    {
        ArgumentNullException.ThrowIfNull(times);
        if (times.Count < 2)
        {
            throw new ArgumentException("At least two timestamps are needed to infer a timeframe.", nameof(times));
        }

        var counts = new Dictionary<long, int>();
        for (int i = 1; i < times.Count; i++)
        {
            long ticks = (times[i] - times[i - 1]).Ticks;
            counts[ticks] = counts.GetValueOrDefault(ticks) + 1;
        }

        long best = 0;
        int bestCount = 0;
        foreach ((long ticks, int count) in counts)
        {
            if (count > bestCount || (count == bestCount && ticks < best))
            {
                best = ticks;
                bestCount = count;
            }
        }

        return TimeSpan.FromTicks(best);
    }

    /// <summary>⌊24 h / <paramref name="timeframe"/>⌋: 24 for 1-hour bars, 6 for 4-hour bars (at least 1).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The timeframe is not positive.</exception>
    public static int BarsPerDay(TimeSpan timeframe)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(timeframe, TimeSpan.Zero);
        return Math.Max(1, (int)(TimeSpan.TicksPerDay / timeframe.Ticks));
    }

    /// <summary>
    /// Parses a timeframe written as a count and a unit — <c>m</c> (minutes), <c>h</c> (hours) or <c>d</c> (days) —
    /// e.g. <c>15m</c>, <c>1h</c>, <c>4h</c>, <c>1d</c>; null when <paramref name="text"/> is not one.
    /// </summary>
    public static TimeSpan? TryParse(string? text)
    {
        if (string.IsNullOrEmpty(text) || text.Length < 2 || !int.TryParse(text.AsSpan(0, text.Length - 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int count) || count <= 0 || count > 10_000)
        {
            return null;
        }

        return text[^1] switch
        {
            'm' => TimeSpan.FromMinutes(count),
            'h' => TimeSpan.FromHours(count),
            'd' => TimeSpan.FromDays(count),
            _ => null,
        };
    }

    /// <summary>
    /// Writes a timeframe as <see cref="TryParse"/> reads it, in the largest whole unit: <c>1d</c>, <c>4h</c>, <c>15m</c>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The timeframe is not a positive whole number of minutes.</exception>
    public static string Format(TimeSpan timeframe)
    {
        if (timeframe <= TimeSpan.Zero || timeframe.Ticks % TimeSpan.TicksPerMinute != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(timeframe), timeframe, "A timeframe is a positive whole number of minutes.");
        }

        long minutes = timeframe.Ticks / TimeSpan.TicksPerMinute;
        return minutes % 1440 == 0 ? FormattableString.Invariant($"{minutes / 1440}d")
            : minutes % 60 == 0 ? FormattableString.Invariant($"{minutes / 60}h")
            : FormattableString.Invariant($"{minutes}m");
    }
}
