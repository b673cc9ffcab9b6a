namespace Alpha.Signals;

/// <summary>
/// The trading rules of DESIGN.md § 5 that the backtest and the live engine share through
/// <see cref="PositionMachine"/>: the candidate band, the exits on the entry-fixed z, the stop-based risk sizing and
/// the leverage cap. z levels are in σ units of the decision bar's fit.
/// </summary>
public sealed record TradingRules
{
    /// <summary>Smallest |z| of a candidate entry.</summary>
    /// <value>The default is 2.0.</value>
    public double EntryZ { get; init; } = 2.0;

    /// <summary>Largest |z| of a candidate entry (no order above it).</summary>
    /// <value>The default is 3.5.</value>
    public double EntryMaxZ { get; init; } = 3.5;

    /// <summary>Speed limit of a candidate (speed ≤ limit); the AI1 labels' fitted limit.</summary>
    /// <value>The default is +∞ (no limit).</value>
    public double MaxSpeed { get; init; } = double.PositiveInfinity;

    /// <summary>Exit when the entry-fixed |z| falls to this level.</summary>
    /// <value>The default is 0.5.</value>
    public double ExitZ { get; init; } = 0.5;

    /// <summary>Stop when the entry-fixed |z| reaches this level.</summary>
    /// <value>The default is 4.0.</value>
    public double StopZ { get; init; } = 4.0;

    /// <summary>M: exit when this many bars have passed since the entry decision (decided at that bar's close).</summary>
    /// <value>The default is 48 bars.</value>
    public int MaxHoldingBars { get; init; } = 48;

    /// <summary>Equity lost when a trade reaches its stop, as a fraction of equity.</summary>
    /// <value>The default is 0.005 (0.5 %).</value>
    public double RiskPerTrade { get; init; } = 0.005;

    /// <summary>Gross notional (both legs) at most this multiple of equity.</summary>
    /// <value>The default is 5.</value>
    public double MaxLeverage { get; init; } = 5.0;

    /// <summary>Extra bars between an entry decision and its fill (the latency stress); 0 fills at the next bar's open.</summary>
    /// <value>The default is 0.</value>
    public int EntryDelayBars { get; init; }

    /// <summary>Checks every rule; the one place their ranges are defined. Numbers must be finite (MaxSpeed may be +∞).</summary>
    /// <exception cref="ArgumentException">A value is out of range; <see cref="ArgumentException.ParamName"/> names the property.</exception>
    public void Validate()
    {
        foreach ((double value, string name) in new[] { (EntryZ, nameof(EntryZ)), (EntryMaxZ, nameof(EntryMaxZ)), (ExitZ, nameof(ExitZ)), (StopZ, nameof(StopZ)), (RiskPerTrade, nameof(RiskPerTrade)), (MaxLeverage, nameof(MaxLeverage)) })
        {
            if (!double.IsFinite(value) || value <= 0)
            {
                throw new ArgumentOutOfRangeException(name, value, $"{name} must be finite and positive.");
            }
        }

        if (double.IsNaN(MaxSpeed))
        {
            throw new ArgumentOutOfRangeException(nameof(MaxSpeed), MaxSpeed, "MaxSpeed must not be NaN.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(EntryMaxZ, EntryZ, nameof(EntryMaxZ));
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(ExitZ, EntryZ, nameof(ExitZ));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(StopZ, EntryMaxZ, nameof(StopZ));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxHoldingBars, nameof(MaxHoldingBars));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(RiskPerTrade, 1, nameof(RiskPerTrade));
        ArgumentOutOfRangeException.ThrowIfNegative(EntryDelayBars, nameof(EntryDelayBars));
    }
}
