namespace Alpha.Backtesting;

/// <summary>What the adoption rule compares a candidate with: the deployed model's backtest Sharpe and MaxDD on the same data.</summary>
/// <param name="Sharpe">The deployed model's Sharpe ratio.</param>
/// <param name="MaxDrawdown">The deployed model's maximum drawdown (fraction of the peak).</param>
public readonly record struct DeployedBaseline(double Sharpe, double MaxDrawdown)
{
    /// <summary>The baseline of a backtest summary.</summary>
    public static DeployedBaseline Of(PerformanceSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        return new DeployedBaseline(summary.Sharpe, summary.MaxDrawdown);
    }
}
