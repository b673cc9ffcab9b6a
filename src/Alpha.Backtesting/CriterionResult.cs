namespace Alpha.Backtesting;

/// <summary>One adoption criterion: its name, the value measured, the bound, and whether it passed.</summary>
/// <param name="Name">e.g. "sharpe", "max_drawdown", "trades_per_year", "sharpe_vs_deployed".</param>
/// <param name="Value">The measured value.</param>
/// <param name="Comparison">How it is compared (e.g. "&gt;", "&lt;", "≥", "≤").</param>
/// <param name="Bound">The bound it is compared with.</param>
/// <param name="Passed">Whether it passed.</param>
public sealed record CriterionResult(string Name, double Value, string Comparison, double Bound, bool Passed);
