namespace Alpha.Features;

/// <summary>Windows and spans of the pair features (DESIGN.md § 5); every length is in bars.</summary>
public sealed record PairFeatureOptions
{
    /// <summary>W: the hedge-fit window, also used by half-life, ρ and β stability.</summary>
    /// <value>The default is 180 bars.</value>
    public int Window { get; init; } = 180;

    /// <summary>Span of the EMA of z (α = 2 / (span + 1), seeded with its first input).</summary>
    /// <value>The default is 10.</value>
    public int ZEmaSpan { get; init; } = 10;

    /// <summary>Span of the EMA of |Δz| (speed).</summary>
    /// <value>The default is 10.</value>
    public int SpeedSpan { get; init; } = 10;

    /// <summary>Half-life cap as a multiple of <see cref="Window"/> (also the value when the residual does not revert).</summary>
    /// <value>The default is 10 (1,800 bars).</value>
    public int HalfLifeCapWindows { get; init; } = 10;

    /// <summary>Number of ρ values whose variance is rho_var.</summary>
    /// <value>The default is 180.</value>
    public int RhoVarianceWindow { get; init; } = 180;

    /// <summary>Number of β values whose standard deviation is beta_stability.</summary>
    /// <value>The default is 180.</value>
    public int BetaStabilityWindow { get; init; } = 180;

    /// <summary>Wilder period of the ATRs, atr_spread and the RSI (seeded with the simple mean of the first inputs).</summary>
    /// <value>The default is 14.</value>
    public int WilderPeriod { get; init; } = 14;

    /// <summary>Number of atr_spread values whose mean divides atr_ratio.</summary>
    /// <value>The default is 100.</value>
    public int AtrRatioWindow { get; init; } = 100;

    /// <summary>Fast EMA span of ema_gap.</summary>
    /// <value>The default is 12.</value>
    public int EmaFastSpan { get; init; } = 12;

    /// <summary>Slow EMA span of ema_gap.</summary>
    /// <value>The default is 26.</value>
    public int EmaSlowSpan { get; init; } = 26;

    /// <summary>Window of the OLS slope.</summary>
    /// <value>The default is 20 bars.</value>
    public int SlopeWindow { get; init; } = 20;

    /// <summary>Number of equity values whose maximum dd_recent measures from.</summary>
    /// <value>The default is 48.</value>
    public int DrawdownWindow { get; init; } = 48;

    /// <summary>The incremental state recomputes its rolling sums exactly every this many bars, so rounding cannot drift.</summary>
    /// <value>The default is 1,024 bars.</value>
    public int RecomputeEvery { get; init; } = 1024;

    /// <summary>
    /// The segment-local index of the first bar at which every model input is ready (rho_var is the last to
    /// finish its warm-up with the defaults: W + 180 − 1 = 359).
    /// </summary>
    public int FirstReadyBar => Math.Max(
        Math.Max(Window + RhoVarianceWindow - 1, Window - 1 + BetaStabilityWindow - 1),
        Math.Max(Math.Max(Window + WilderPeriod - 1 + AtrRatioWindow - 1, Window - 1 + DrawdownWindow - 1), SlopeWindow - 1));

    /// <summary>The longest window or span accepted, in bars (about 45 years of 4-hour bars).</summary>
    public const int MaxWindow = 100_000;

    /// <summary>
    /// Checks every window and span; the one place their ranges are defined (policy loaders call it too). Numbers must be finite.
    /// </summary>
    /// <exception cref="ArgumentException">A value is out of range; <see cref="ArgumentException.ParamName"/> names the property.</exception>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Window, 4, nameof(Window));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Window, MaxWindow, nameof(Window));
        ArgumentOutOfRangeException.ThrowIfLessThan(ZEmaSpan, 1, nameof(ZEmaSpan));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(ZEmaSpan, MaxWindow, nameof(ZEmaSpan));
        ArgumentOutOfRangeException.ThrowIfLessThan(SpeedSpan, 1, nameof(SpeedSpan));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(SpeedSpan, MaxWindow, nameof(SpeedSpan));
        ArgumentOutOfRangeException.ThrowIfLessThan(HalfLifeCapWindows, 1, nameof(HalfLifeCapWindows));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(HalfLifeCapWindows, MaxWindow, nameof(HalfLifeCapWindows));
        ArgumentOutOfRangeException.ThrowIfLessThan(RhoVarianceWindow, 2, nameof(RhoVarianceWindow));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(RhoVarianceWindow, MaxWindow, nameof(RhoVarianceWindow));
        ArgumentOutOfRangeException.ThrowIfLessThan(BetaStabilityWindow, 2, nameof(BetaStabilityWindow));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(BetaStabilityWindow, MaxWindow, nameof(BetaStabilityWindow));
        ArgumentOutOfRangeException.ThrowIfLessThan(WilderPeriod, 1, nameof(WilderPeriod));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(WilderPeriod, MaxWindow, nameof(WilderPeriod));
        ArgumentOutOfRangeException.ThrowIfLessThan(AtrRatioWindow, 1, nameof(AtrRatioWindow));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(AtrRatioWindow, MaxWindow, nameof(AtrRatioWindow));
        ArgumentOutOfRangeException.ThrowIfLessThan(EmaFastSpan, 1, nameof(EmaFastSpan));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(EmaFastSpan, MaxWindow, nameof(EmaFastSpan));
        ArgumentOutOfRangeException.ThrowIfLessThan(EmaSlowSpan, 1, nameof(EmaSlowSpan));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(EmaSlowSpan, MaxWindow, nameof(EmaSlowSpan));
        ArgumentOutOfRangeException.ThrowIfLessThan(SlopeWindow, 2, nameof(SlopeWindow));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(SlopeWindow, MaxWindow, nameof(SlopeWindow));
        ArgumentOutOfRangeException.ThrowIfLessThan(DrawdownWindow, 1, nameof(DrawdownWindow));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(DrawdownWindow, MaxWindow, nameof(DrawdownWindow));
        ArgumentOutOfRangeException.ThrowIfLessThan(RecomputeEvery, 1, nameof(RecomputeEvery));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(RecomputeEvery, MaxWindow, nameof(RecomputeEvery));
    }
}
