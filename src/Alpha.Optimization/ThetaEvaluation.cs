using System.Collections.Immutable;

namespace Alpha.Optimization;

/// <summary>What a backtest at one θ reports to the search (DESIGN.md § 5).</summary>
/// <param name="AnnualReturn">Compound annual return (a fraction).</param>
/// <param name="MaxDrawdown">Largest fall from a peak (a fraction).</param>
/// <param name="TradesPerYear">Trades per year.</param>
/// <param name="FalsePositiveRate">Share of AI1 winners (candidates passing θ1 whose own trade made money after costs) that AI2 blocked; 0 without winners.</param>
/// <param name="Years">Length of the backtest in years (for resampled annual returns).</param>
/// <param name="TradeReturns">Each trade's P&amp;L as a fraction of the equity at its entry, in order.</param>
public sealed record ThetaEvaluation(double AnnualReturn, double MaxDrawdown, double TradesPerYear, double FalsePositiveRate, double Years, ImmutableArray<double> TradeReturns);
