using Alpha.Signals;
using Alpha.Sizing;

namespace Alpha.Backtesting;

/// <summary>Settings of <see cref="Backtester"/> (DESIGN.md § 5 "Backtesting"): the trading rules, starting equity, legs and costs.</summary>
public sealed record BacktestOptions
{
    /// <summary>The candidate band, exits, risk sizing and leverage cap the shared <see cref="PositionMachine"/> applies.</summary>
    /// <value>The default is DESIGN.md's defaults (<see cref="TradingRules"/>).</value>
    public TradingRules Rules { get; init; } = new();

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

    /// <summary>
    /// Checks the rules (<see cref="TradingRules.Validate"/>), the starting equity and the legs (both quoted in the account currency); policy loaders call it too. Numbers must be finite.
    /// </summary>
    /// <exception cref="ArgumentException">A value is out of range; <see cref="ArgumentException.ParamName"/> names the property.</exception>
    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(Rules, nameof(Rules));
        Rules.Validate();
        if (!double.IsFinite(StartingEquity) || StartingEquity <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(StartingEquity), StartingEquity, "StartingEquity must be finite and positive.");
        }

        ArgumentNullException.ThrowIfNull(LegA, nameof(LegA));
        ArgumentNullException.ThrowIfNull(LegB, nameof(LegB));
        ArgumentNullException.ThrowIfNull(Costs, nameof(Costs));
        LegA.Validate();
        LegB.Validate();
        _ = NewMachine();     // what the rules and legs cannot check alone: one quote currency for both legs
    }

    /// <summary>A flat position machine with these rules, legs, costs and starting equity.</summary>
    internal PositionMachine NewMachine() => new(Rules, LegA, LegB, Costs, StartingEquity);
}
