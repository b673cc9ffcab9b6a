namespace Alpha.Signals;

/// <summary>One completed pair trade (of the backtest, or of a replayed or paper engine). Prices are fills; P&amp;L and costs in the account currency; bars are indexes on the aligned axis.</summary>
/// <param name="DecisionBar">Bar whose close decided the entry.</param>
/// <param name="EntryBar">Bar whose open filled the entry.</param>
/// <param name="ExitBar">Bar whose open filled the exit (or whose close, at the end of the data).</param>
/// <param name="EntryTime">Time of the entry fill.</param>
/// <param name="ExitTime">Time of the exit fill.</param>
/// <param name="Direction">+1 long the spread (long A, short β·B), −1 short.</param>
/// <param name="EntryZ">z at the decision bar.</param>
/// <param name="Beta">β of the decision bar's fit (the hedge held).</param>
/// <param name="QuantityA">Units of leg A.</param>
/// <param name="QuantityB">Units of leg B.</param>
/// <param name="EntryPriceA">Leg A's entry fill.</param>
/// <param name="EntryPriceB">Leg B's entry fill.</param>
/// <param name="ExitPriceA">Leg A's exit fill.</param>
/// <param name="ExitPriceB">Leg B's exit fill.</param>
/// <param name="Costs">Commission, spread, slippage and swap paid.</param>
/// <param name="Pnl">Net profit or loss after costs.</param>
/// <param name="ReturnOnEquity">Pnl divided by the equity at the entry decision.</param>
/// <param name="ExitReason">Why it closed.</param>
public sealed record Trade(
    int DecisionBar,
    int EntryBar,
    int ExitBar,
    DateTime EntryTime,
    DateTime ExitTime,
    int Direction,
    double EntryZ,
    double Beta,
    double QuantityA,
    double QuantityB,
    double EntryPriceA,
    double EntryPriceB,
    double ExitPriceA,
    double ExitPriceB,
    double Costs,
    double Pnl,
    double ReturnOnEquity,
    ExitReason ExitReason);
