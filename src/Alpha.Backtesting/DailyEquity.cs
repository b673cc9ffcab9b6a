namespace Alpha.Backtesting;

/// <summary>Equity at the last bar of a UTC day (marked to market at the close).</summary>
/// <param name="Day">The UTC day.</param>
/// <param name="Equity">Equity in the account currency.</param>
public readonly record struct DailyEquity(DateOnly Day, double Equity);
