namespace Alpha.Monitoring;

/// <summary>The live win rate against the cross-fitted backtest's (seed 002: a gap over 15 points calls for retraining).</summary>
/// <param name="Wins">Closed live trades with a positive net P&amp;L.</param>
/// <param name="Trades">Closed live trades.</param>
/// <param name="LiveRate">Wins / trades (NaN without trades).</param>
/// <param name="WilsonLow">Lower end of the Wilson score interval at the configured confidence.</param>
/// <param name="WilsonHigh">Upper end of the interval.</param>
/// <param name="BacktestRate">The cross-fitted backtest's win rate.</param>
/// <param name="Gap">|live − backtest| (NaN without trades).</param>
/// <param name="Level">Insufficient below the minimum trade count; Alert when the gap exceeds the threshold; else Ok.</param>
public sealed record WinRateResult(int Wins, int Trades, double LiveRate, double WilsonLow, double WilsonHigh, double BacktestRate, double Gap, MonitorLevel Level)
{
    /// <summary>Whether the backtest's rate lies outside the live Wilson interval (chance alone rarely puts it there).</summary>
    public bool BacktestOutsideInterval => Trades > 0 && (BacktestRate < WilsonLow || BacktestRate > WilsonHigh);
}
