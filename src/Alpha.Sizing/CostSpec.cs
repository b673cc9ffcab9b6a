namespace Alpha.Sizing;

/// <summary>
/// Trading costs of one instrument, in basis points of the traded notional (1 bp = 0.0001). The default is DESIGN.md's
/// 1 bp per leg per side, as commission.
/// </summary>
public sealed record CostSpec
{
    /// <summary>Commission per side.</summary>
    /// <value>The default is 1 bp.</value>
    public double CommissionBps { get; init; } = 1.0;

    /// <summary>Full bid-ask spread; each side pays half of it.</summary>
    /// <value>The default is 0.</value>
    public double SpreadBps { get; init; }

    /// <summary>Slippage per side, before the time-of-day multiplier.</summary>
    /// <value>The default is 0.</value>
    public double SlippageBps { get; init; }

    /// <summary>Financing (swap) per day a position is held, of its notional.</summary>
    /// <value>The default is 0.</value>
    public double SwapBpsPerDay { get; init; }

    internal void Validate(string owner)
    {
        foreach ((double value, string name) in new[] { (CommissionBps, nameof(CommissionBps)), (SpreadBps, nameof(SpreadBps)), (SlippageBps, nameof(SlippageBps)) })
        {
            if (!double.IsFinite(value) || value < 0)
            {
                throw new ArgumentException($"{owner}: {name} = {value} must be finite and non-negative.", name);
            }
        }

        if (!double.IsFinite(SwapBpsPerDay))
        {
            string property = nameof(SwapBpsPerDay);
            throw new ArgumentOutOfRangeException(property, SwapBpsPerDay, $"{owner}: SwapBpsPerDay must be finite (it may be negative, a credit).");
        }
    }
}
