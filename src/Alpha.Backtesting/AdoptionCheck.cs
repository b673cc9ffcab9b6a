using System.Collections.Immutable;

namespace Alpha.Backtesting;

/// <summary>
/// DESIGN.md § 5's adoption rule: Sharpe &gt; 1.2, MaxDD &lt; 0.12, trades/year ≥ 150 across the portfolio a model serves
/// (≥ 8 for a single-pair run), and, when a model is deployed, Sharpe_new ≥ 0.95 · Sharpe_old and
/// MaxDD_new ≤ MaxDD_old + 0.03. Every criterion is reported with its value.
/// </summary>
public static class AdoptionCheck
{
    /// <summary>Checks a candidate's backtest summary.</summary>
    /// <param name="candidate">The new model's summary (a portfolio's, or one pair's).</param>
    /// <param name="singlePair">True when the summary covers one pair (uses the per-pair trade minimum).</param>
    /// <param name="deployed">The deployed model's Sharpe and MaxDD on the same data, or null when none is deployed.</param>
    /// <param name="criteria">The thresholds; the defaults when null.</param>
    public static AdoptionDecision Evaluate(PerformanceSummary candidate, bool singlePair, DeployedBaseline? deployed = null, AdoptionCriteria? criteria = null)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        criteria ??= new AdoptionCriteria();
        criteria.Validate();
        double minTrades = singlePair ? criteria.MinTradesPerYearPerPair : criteria.MinTradesPerYear;
        var results = ImmutableArray.CreateBuilder<CriterionResult>();
        results.Add(new CriterionResult("sharpe", candidate.Sharpe, ">", criteria.MinSharpe, candidate.Sharpe > criteria.MinSharpe));
        results.Add(new CriterionResult("max_drawdown", candidate.MaxDrawdown, "<", criteria.MaxDrawdown, candidate.MaxDrawdown < criteria.MaxDrawdown));
        results.Add(new CriterionResult("trades_per_year", candidate.TradesPerYear, "≥", minTrades, candidate.TradesPerYear >= minTrades));
        if (deployed is DeployedBaseline old)
        {
            double sharpeBound = criteria.SharpeRetention * old.Sharpe;
            double drawdownBound = old.MaxDrawdown + criteria.DrawdownSlack;
            results.Add(new CriterionResult("sharpe_vs_deployed", candidate.Sharpe, "≥", sharpeBound, candidate.Sharpe >= sharpeBound));
            results.Add(new CriterionResult("max_drawdown_vs_deployed", candidate.MaxDrawdown, "≤", drawdownBound, candidate.MaxDrawdown <= drawdownBound));
        }

        ImmutableArray<CriterionResult> all = results.ToImmutable();
        return new AdoptionDecision(all.All(c => c.Passed), all);
    }
}
