namespace Alpha.Backtesting;

/// <summary>
/// A backtest's headline numbers, as DESIGN.md § 5 defines them: equity in fractions of account equity (not of
/// notional), annual return = (E_end / E_start)^(1 / years) − 1 over the first to last bar (years of 365.25 days),
/// Sharpe and Sortino from daily equity returns × √(observed trading days per year), MaxDD = the largest
/// peak-to-trough fall of daily equity as a fraction of the peak.
/// </summary>
/// <param name="StartingEquity">Equity before the first bar.</param>
/// <param name="EndingEquity">Equity after the last bar.</param>
/// <param name="Years">First to last bar, in years of 365.25 days.</param>
/// <param name="TradingDaysPerYear">Days with bars per year in the data (the annualisation factor's square).</param>
/// <param name="AnnualReturn">Compound annual return.</param>
/// <param name="Volatility">Annualised standard deviation (ddof 1) of daily returns.</param>
/// <param name="Sharpe">mean / sd of daily returns × √(trading days per year); 0 when the sd is 0.</param>
/// <param name="Sortino">mean / downside deviation (√ mean of min(r, 0)²) × √(trading days per year); 0 when there is no downside.</param>
/// <param name="MaxDrawdown">Largest fall from a running peak, as a fraction of the peak.</param>
/// <param name="MaxDrawdownDays">Days from that peak until equity regained it (or until the last day).</param>
/// <param name="Calmar">AnnualReturn / MaxDrawdown (NaN without a drawdown).</param>
/// <param name="Trades">Completed trades.</param>
/// <param name="TradesPerYear">Trades / Years.</param>
/// <param name="WinRate">Share of trades with a positive net P&amp;L (NaN without trades).</param>
/// <param name="MeanTradePnl">Mean net P&amp;L per trade, in the account currency (NaN without trades).</param>
/// <param name="MeanTradeReturn">Mean P&amp;L per trade as a fraction of the equity at its entry (NaN without trades).</param>
/// <param name="Exposure">Share of bars that closed with a position open.</param>
public sealed record PerformanceSummary(
    double StartingEquity,
    double EndingEquity,
    double Years,
    double TradingDaysPerYear,
    double AnnualReturn,
    double Volatility,
    double Sharpe,
    double Sortino,
    double MaxDrawdown,
    double MaxDrawdownDays,
    double Calmar,
    int Trades,
    double TradesPerYear,
    double WinRate,
    double MeanTradePnl,
    double MeanTradeReturn,
    double Exposure);
