namespace Alpha.CrossValidation;

/// <summary>
/// The bar axis the label events live on: its length and, optionally, each bar's UTC timestamp (needed only by
/// calendar walk-forward). Immutable.
/// </summary>
public sealed class BarAxis
{
    private readonly DateTime[]? _timestamps;

    private BarAxis(int length, DateTime[]? timestamps)
    {
        Length = length;
        _timestamps = timestamps;
    }

    /// <summary>Number of bars; valid bar indices are 0 to <c>Length − 1</c>.</summary>
    public int Length { get; }

    /// <summary>Whether the axis carries timestamps.</summary>
    public bool HasTimestamps => _timestamps is not null;

    /// <summary>The UTC timestamps, one per bar, strictly increasing; empty when the axis has none.</summary>
    public ReadOnlySpan<DateTime> Timestamps => _timestamps;

    /// <summary>An axis of <paramref name="length"/> bars without timestamps.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="length"/> is not positive.</exception>
    public static BarAxis OfLength(int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(length);
        return new BarAxis(length, null);
    }

    /// <summary>An axis with one UTC timestamp per bar (strictly increasing; <see cref="DateTimeKind.Local"/> is rejected).</summary>
    /// <exception cref="InvalidEventsException">A timestamp is local or not after the previous one; names the bar.</exception>
    public static BarAxis FromTimestamps(ReadOnlySpan<DateTime> timestamps)
    {
        if (timestamps.IsEmpty)
        {
            throw new ArgumentException("The bar axis needs at least one timestamp.", nameof(timestamps));
        }

        var copy = new DateTime[timestamps.Length];
        for (int i = 0; i < timestamps.Length; i++)
        {
            DateTime t = timestamps[i];
            if (t.Kind == DateTimeKind.Local)
            {
                throw new InvalidEventsException($"Bar {i}: timestamp {t:O} is local time; bar times are UTC.", i, nameof(timestamps));
            }

            copy[i] = DateTime.SpecifyKind(t, DateTimeKind.Utc);
            if (i > 0 && copy[i] <= copy[i - 1])
            {
                throw new InvalidEventsException($"Bar {i}: timestamp {t:O} is not after bar {i - 1}'s {copy[i - 1]:O}.", i, nameof(timestamps));
            }
        }

        return new BarAxis(copy.Length, copy);
    }

    /// <summary>An axis from Unix times in seconds (UTC), e.g. a pandas index exported as floats.</summary>
    /// <exception cref="InvalidEventsException">A value is NaN or ±∞, out of the <see cref="DateTime"/> range, or not increasing; names the bar.</exception>
    public static BarAxis FromUnixSeconds(ReadOnlySpan<double> unixSeconds)
    {
        var timestamps = new DateTime[unixSeconds.Length];
        for (int i = 0; i < unixSeconds.Length; i++)
        {
            double s = unixSeconds[i];
            if (!double.IsFinite(s) || s < -62_135_596_800d || s > 253_402_300_799d)
            {
                throw new InvalidEventsException($"Bar {i}: timestamp {s} is not a finite Unix time in seconds.", i, nameof(unixSeconds));
            }

            timestamps[i] = DateTime.UnixEpoch.AddTicks((long)Math.Round(s * TimeSpan.TicksPerSecond));
        }

        return FromTimestamps(timestamps);
    }
}
