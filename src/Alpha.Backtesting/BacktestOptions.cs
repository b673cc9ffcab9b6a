using Alpha.Sizing;

namespace Alpha.Backtesting;

/// <summary>Settings of <see cref="Backtester"/> (DESIGN.md § 5 "Backtesting"); z levels in σ units of the entry bar's fit.</summary>
public sealed record BacktestOptions
{
    /// <summary>Smallest |z| of a candidate entry.</summary>
    /// <value>The default is 2.0.</value>
    public double EntryZ { get; init; } = 2.0;

    /// <summary>Largest |z| of a candidate entry (no order above it).</summary>
    /// <value>The default is 3.5.</value>
    public double EntryMaxZ { get; init; } = 3.5;

    /// <summary>Speed limit of a candidate (speed ≤ limit); use the AI1 labels' fitted limit.</summary>
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

    /// <summary>Starting equity, in the account currency.</summary>
    /// <value>The default is 1,000,000.</value>
    public double StartingEquity { get; init; } = 1_000_000;

    /// <summary>Leg A's instrument (its symbol selects its costs; lot steps and minimums apply).</summary>
    /// <value>The default is a continuous instrument "A" quoted in the account currency.</value>
    public InstrumentSpec LegA { get; init; } = new() { Symbol = "A", QuoteCurrency = "USD" };

    /// <summary>Leg B's instrument.</summary>
    /// <value>The default is a continuous instrument "B" quoted in the account currency.</value>
    public InstrumentSpec LegB { get; init; } = new() { Symbol = "B", QuoteCurrency = "USD" };

    /// <summary>Costs per leg and side (and swap).</summary>
    /// <value>The default is 1 bp per leg per side.</value>
    public CostModel Costs { get; init; } = new();

    /// <summary>Extra bars between a decision and its fill (the latency stress); 0 fills at the next bar's open.</summary>
    /// <value>The default is 0.</value>
    public int EntryDelayBars { get; init; }

    /// <summary>
    /// Checks the z levels, sizing, holding limits and legs; the one place their ranges are defined (policy loaders call it too). Numbers must be finite.
    /// </summary>
    /// <exception cref="ArgumentException">A value is out of range; <see cref="ArgumentException.ParamName"/> names the property.</exception>
    public void Validate()
    {
        foreach ((double value, string name) in new[] { (EntryZ, nameof(EntryZ)), (EntryMaxZ, nameof(EntryMaxZ)), (ExitZ, nameof(ExitZ)), (StopZ, nameof(StopZ)), (RiskPerTrade, nameof(RiskPerTrade)), (MaxLeverage, nameof(MaxLeverage)), (StartingEquity, nameof(StartingEquity)) })
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
        ArgumentNullException.ThrowIfNull(LegA, nameof(LegA));
        ArgumentNullException.ThrowIfNull(LegB, nameof(LegB));
        ArgumentNullException.ThrowIfNull(Costs, nameof(Costs));
        LegA.Validate();
        LegB.Validate();
        if (LegA.QuoteCurrency != LegB.QuoteCurrency)
        {
            throw new ArgumentException($"Both legs must be quoted in one currency (the account currency) for a backtest; {LegA.Symbol} is in {LegA.QuoteCurrency}, {LegB.Symbol} in {LegB.QuoteCurrency}.", nameof(LegB));
        }
    }
}
