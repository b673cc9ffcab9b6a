using Alpha.Signals;

namespace Alpha.Backtesting;

/// <summary>When a new model may replace the deployed one (DESIGN.md § 5; bound to backtest_policy.yaml in Alpha.Training).</summary>
public sealed record AdoptionCriteria
{
    /// <summary>Sharpe must exceed this.</summary>
    /// <value>The default is 1.2.</value>
    public double MinSharpe { get; init; } = 1.2;

    /// <summary>MaxDD must stay below this (a fraction of equity).</summary>
    /// <value>The default is 0.12.</value>
    public double MaxDrawdown { get; init; } = 0.12;

    /// <summary>Trades per year at least this, across the portfolio of pairs a model serves.</summary>
    /// <value>The default is 150.</value>
    public double MinTradesPerYear { get; init; } = 150;

    /// <summary>Trades per year at least this when the backtest covers a single pair.</summary>
    /// <value>The default is 8.</value>
    public double MinTradesPerYearPerPair { get; init; } = 8;

    /// <summary>Against the deployed model: Sharpe_new ≥ this × Sharpe_old.</summary>
    /// <value>The default is 0.95.</value>
    public double SharpeRetention { get; init; } = 0.95;

    /// <summary>Against the deployed model: MaxDD_new ≤ MaxDD_old + this.</summary>
    /// <value>The default is 0.03.</value>
    public double DrawdownSlack { get; init; } = 0.03;

    /// <summary>
    /// Checks every bound; the one place their ranges are defined (policy loaders call it too). Numbers must be finite.
    /// </summary>
    /// <exception cref="ArgumentException">A value is out of range; <see cref="ArgumentException.ParamName"/> names the property.</exception>
    public void Validate()
    {
        foreach ((double value, string name) in new[] { (MinSharpe, nameof(MinSharpe)), (MaxDrawdown, nameof(MaxDrawdown)), (MinTradesPerYear, nameof(MinTradesPerYear)), (MinTradesPerYearPerPair, nameof(MinTradesPerYearPerPair)), (SharpeRetention, nameof(SharpeRetention)), (DrawdownSlack, nameof(DrawdownSlack)) })
        {
            if (!double.IsFinite(value))
            {
                throw new ArgumentOutOfRangeException(name, value, $"{name} must be finite.");
            }
        }

        if (MaxDrawdown < 0 || MaxDrawdown > 1 || DrawdownSlack < 0 || DrawdownSlack > 1)
        {
            throw new ArgumentOutOfRangeException(MaxDrawdown < 0 || MaxDrawdown > 1 ? nameof(MaxDrawdown) : nameof(DrawdownSlack), "MaxDrawdown and DrawdownSlack must lie in [0, 1].");
        }

        if (MinTradesPerYear < 0 || MinTradesPerYearPerPair < 0 || SharpeRetention < 0)
        {
            throw new ArgumentOutOfRangeException(MinTradesPerYear < 0 ? nameof(MinTradesPerYear) : MinTradesPerYearPerPair < 0 ? nameof(MinTradesPerYearPerPair) : nameof(SharpeRetention), "Trade minimums and the Sharpe retention must be non-negative.");
        }
    }
}
