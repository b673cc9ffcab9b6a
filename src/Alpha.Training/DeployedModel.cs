using Alpha.Backtesting;
using Alpha.Optimization;

namespace Alpha.Training;

/// <summary>The model in service before this run: its θ (stabilisation starts from it) and its backtest (the adoption comparison).</summary>
/// <param name="Version">Its model version.</param>
/// <param name="Theta">Its thresholds.</param>
/// <param name="Sharpe">Its backtest Sharpe ratio.</param>
/// <param name="MaxDrawdown">Its backtest maximum drawdown (fraction of the peak).</param>
public sealed record DeployedModel(string Version, Theta Theta, double Sharpe, double MaxDrawdown)
{
    internal PerformanceSummary AsSummary() => new(1, 1, 1, 252, 0, 0, Sharpe, 0, MaxDrawdown, 0, double.NaN, 0, 0, double.NaN, double.NaN, double.NaN, 0);
}
