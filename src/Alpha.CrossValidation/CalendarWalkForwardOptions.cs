namespace Alpha.CrossValidation;

/// <summary>Settings of <see cref="CalendarWalkForward"/>. Calendar lengths use the axis' UTC timestamps; purge and embargo are in bars.</summary>
public sealed record CalendarWalkForwardOptions
{
    /// <summary>Days of data before the first test window starts (it starts at the first UTC month boundary after them).</summary>
    /// <value>The default is 360 days.</value>
    public int MinTrainDays { get; init; } = 360;

    /// <summary>Calendar months per test window; windows follow each other without overlap.</summary>
    /// <value>The default is 1 month.</value>
    public int TestMonths { get; init; } = 1;

    /// <summary>Longest training history in days before a test window; <see langword="null"/> for an expanding window.</summary>
    /// <value>The default is <see langword="null"/> (expanding).</value>
    public int? MaxTrainDays { get; init; }

    /// <summary>Bars by which each test span is widened before purging overlapping training labels.</summary>
    /// <value>The default is 24 bars.</value>
    public int PurgeBars { get; init; } = 24;

    /// <summary>Bars after the widened test span in which a training sample may not start.</summary>
    /// <value>The default is 24 bars.</value>
    public int EmbargoBars { get; init; } = 24;

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegative(MinTrainDays, nameof(MinTrainDays));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(TestMonths, nameof(TestMonths));
        if (MaxTrainDays is int max)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max, nameof(MaxTrainDays));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(PurgeBars, nameof(PurgeBars));
        ArgumentOutOfRangeException.ThrowIfNegative(EmbargoBars, nameof(EmbargoBars));
    }
}
