using System.Collections.Frozen;
using System.Collections.Immutable;

namespace Alpha.Sizing;

/// <summary>
/// The costs of trading, one object for backtest and live: a default <see cref="CostSpec"/>, per-symbol overrides,
/// and time-of-day slippage multipliers. Costs are fractions of the traded notional. Immutable.
/// </summary>
public sealed class CostModel
{
    private readonly FrozenDictionary<string, CostSpec> _overrides;

    /// <summary>Creates a cost model.</summary>
    /// <param name="defaults">Costs of every symbol without an override; DESIGN.md's 1 bp per side when null.</param>
    /// <param name="overrides">Per-symbol costs.</param>
    /// <param name="slippageWindows">Time-of-day slippage multipliers (the first matching window applies).</param>
    /// <exception cref="ArgumentException">A negative cost or multiplier (named).</exception>
    public CostModel(CostSpec? defaults = null, IReadOnlyDictionary<string, CostSpec>? overrides = null, IEnumerable<SlippageWindow>? slippageWindows = null)
    {
        Defaults = defaults ?? new CostSpec();
        Defaults.Validate("default costs");
        var map = new Dictionary<string, CostSpec>(StringComparer.Ordinal);
        foreach ((string symbol, CostSpec spec) in overrides ?? new Dictionary<string, CostSpec>())
        {
            ArgumentNullException.ThrowIfNull(spec);
            spec.Validate($"costs of {symbol}");
            map[symbol] = spec;
        }

        _overrides = map.ToFrozenDictionary(StringComparer.Ordinal);
        SlippageWindows = [.. slippageWindows ?? []];
        foreach (SlippageWindow window in SlippageWindows)
        {
            if (!double.IsFinite(window.Multiplier) || window.Multiplier < 0 || window.From < TimeSpan.Zero || window.To > TimeSpan.FromDays(1))
            {
                throw new ArgumentException($"Slippage window {window.From}–{window.To}: the multiplier must be non-negative and the times within a day.", nameof(slippageWindows));
            }
        }
    }

    /// <summary>Costs of symbols without an override.</summary>
    public CostSpec Defaults { get; }

    /// <summary>The time-of-day slippage multipliers.</summary>
    public ImmutableArray<SlippageWindow> SlippageWindows { get; }

    /// <summary>The costs of <paramref name="symbol"/>.</summary>
    public CostSpec For(string symbol) => _overrides.TryGetValue(symbol, out CostSpec? spec) ? spec : Defaults;

    /// <summary>The cost of one fill (one side) of <paramref name="symbol"/> at <paramref name="time"/>, as a fraction of its notional.</summary>
    public double FillCost(string symbol, DateTime time)
    {
        CostSpec spec = For(symbol);
        double multiplier = 1.0;
        TimeSpan timeOfDay = time.TimeOfDay;
        foreach (SlippageWindow window in SlippageWindows)
        {
            if (window.Contains(timeOfDay))
            {
                multiplier = window.Multiplier;
                break;
            }
        }

        return (spec.CommissionBps + (spec.SpreadBps / 2) + (spec.SlippageBps * multiplier)) * 1e-4;
    }

    /// <summary>The financing cost of holding <paramref name="symbol"/> for <paramref name="days"/>, as a fraction of its notional.</summary>
    public double HoldingCost(string symbol, double days) => For(symbol).SwapBpsPerDay * 1e-4 * days;

    /// <summary>A copy with every cost multiplied by <paramref name="factor"/> (the stress scenario "cost × k").</summary>
    public CostModel Scaled(double factor)
    {
        Guard.NonNegative(factor, nameof(factor));
        CostSpec Scale(CostSpec s) => s with { CommissionBps = s.CommissionBps * factor, SpreadBps = s.SpreadBps * factor, SlippageBps = s.SlippageBps * factor, SwapBpsPerDay = s.SwapBpsPerDay * factor };
        return new CostModel(Scale(Defaults), _overrides.ToDictionary(kv => kv.Key, kv => Scale(kv.Value), StringComparer.Ordinal), SlippageWindows);
    }
}
