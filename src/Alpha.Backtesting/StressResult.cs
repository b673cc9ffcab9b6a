namespace Alpha.Backtesting;

/// <summary>A stress scenario's backtest summary.</summary>
/// <param name="Scenario">The scenario's name.</param>
/// <param name="Summary">Its summary.</param>
public sealed record StressResult(string Scenario, PerformanceSummary Summary);
