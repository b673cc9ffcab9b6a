namespace Alpha.MarketData;

/// <summary>Settings of <see cref="PairAligner"/> (DESIGN.md § 5 "Bars are UTC…"). Counts are bars of the union axis.</summary>
public sealed record PairAlignmentOptions
{
    /// <summary>The bar timeframe; <see langword="null"/> infers it as the modal step of the union axis.</summary>
    /// <value>The default is <see langword="null"/> (inferred).</value>
    public TimeSpan? Timeframe { get; init; }

    /// <summary>Longest run of one leg's missing bars that is forward-filled (needs an earlier bar of that leg).</summary>
    /// <value>The default is 2 bars.</value>
    public int MaxFillBars { get; init; } = 2;

    /// <summary>
    /// Longest run of one leg's missing bars treated as a closure of both legs (its timestamps dropped); a longer
    /// run splits the series into segments. <see langword="null"/> means the bars in one day of the timeframe.
    /// </summary>
    /// <value>The default is <see langword="null"/> (24 for 1-hour bars, 6 for 4-hour bars).</value>
    public int? MaxGapBars { get; init; }

    /// <summary>A leg's |Δ log close| above this many standard deviations of its previous returns is an outlier.</summary>
    /// <value>The default is 8.</value>
    public double OutlierSigmas { get; init; } = 8.0;

    /// <summary>Number of previous returns (in the same segment) whose sample standard deviation (ddof 1) the outlier test uses.</summary>
    /// <value>The default is 180 returns.</value>
    public int OutlierWindow { get; init; } = 180;

    /// <summary>Lenient (default) keeps outliers flagged; strict quarantines the segments that hold one.</summary>
    /// <value>The default is <see cref="ValidationMode.Lenient"/>.</value>
    public ValidationMode OutlierMode { get; init; } = ValidationMode.Lenient;

    /// <summary>The longest outlier window or fill accepted, in bars.</summary>
    public const int MaxWindow = 100_000;

    /// <summary>
    /// Checks the fill and gap limits, the outlier test; the one place their ranges are defined (policy loaders call it too). Numbers must be finite.
    /// </summary>
    /// <exception cref="ArgumentException">A value is out of range; <see cref="ArgumentException.ParamName"/> names the property.</exception>
    public void Validate()
    {
        if (Timeframe is TimeSpan t)
        {
            ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(t, TimeSpan.Zero, nameof(Timeframe));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(MaxFillBars, nameof(MaxFillBars));
        if (MaxGapBars is int gap)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(gap, MaxFillBars, nameof(MaxGapBars));
        }

        if (!double.IsFinite(OutlierSigmas) || OutlierSigmas <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(OutlierSigmas), OutlierSigmas, "OutlierSigmas must be a positive finite number.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(OutlierWindow, 2, nameof(OutlierWindow));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(OutlierWindow, MaxWindow, nameof(OutlierWindow));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(MaxFillBars, MaxWindow, nameof(MaxFillBars));
    }
}
