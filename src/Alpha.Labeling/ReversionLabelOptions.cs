namespace Alpha.Labeling;

/// <summary>Settings of the AI1 reversion labels (DESIGN.md § 5 "Labels"); z levels are in σ units of the entry bar's fit.</summary>
public sealed record ReversionLabelOptions
{
    /// <summary>Smallest |z| that makes a bar an event.</summary>
    /// <value>The default is 2.0.</value>
    public double EntryZ { get; init; } = 2.0;

    /// <summary>Largest |z| that makes a bar an event (below the stop, so a trade has room).</summary>
    /// <value>The default is 3.5.</value>
    public double EntryMaxZ { get; init; } = 3.5;

    /// <summary>Reversion target: the label is 1 when the entry-fixed |z| reaches this level first.</summary>
    /// <value>The default is 0.5.</value>
    public double ExitZ { get; init; } = 0.5;

    /// <summary>Stop: the label is 0 when the entry-fixed |z| reaches this level first.</summary>
    /// <value>The default is 4.0.</value>
    public double StopZ { get; init; } = 4.0;

    /// <summary>M: bars after the event within which reversion must happen.</summary>
    /// <value>The default is 48 bars.</value>
    public int HorizonBars { get; init; } = 48;

    /// <summary>Speed limit of an event (speed ≤ limit).</summary>
    /// <value>The default is the training window's 0.90 quantile of speed (the seed's 0.12 is <c>Threshold.Absolute(0.12)</c>).</value>
    public Threshold MaxSpeed { get; init; } = Threshold.Quantile(0.90);

    /// <summary>
    /// Checks the z levels (exit_z &lt; entry_z ≤ entry_max_z &lt; stop_z), the horizon; the one place their ranges are defined (policy loaders call it too). Numbers must be finite.
    /// </summary>
    /// <exception cref="ArgumentException">A value is out of range; <see cref="ArgumentException.ParamName"/> names the property.</exception>
    public void Validate()
    {
        Guard.Positive(EntryZ, nameof(EntryZ));
        Guard.Positive(EntryMaxZ, nameof(EntryMaxZ));
        Guard.Positive(ExitZ, nameof(ExitZ));
        Guard.Positive(StopZ, nameof(StopZ));
        ArgumentNullException.ThrowIfNull(MaxSpeed, nameof(MaxSpeed));
        ArgumentOutOfRangeException.ThrowIfLessThan(EntryMaxZ, EntryZ, nameof(EntryMaxZ));
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(ExitZ, EntryZ, nameof(ExitZ));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(StopZ, EntryMaxZ, nameof(StopZ));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(HorizonBars, nameof(HorizonBars));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(HorizonBars, 100_000, nameof(HorizonBars));
    }
}
