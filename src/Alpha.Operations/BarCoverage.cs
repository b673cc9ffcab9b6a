namespace Alpha.Operations;

/// <summary>The live bars of one symbol and timeframe (<c>core.bars</c>) and how far behind the clock they are.</summary>
/// <param name="Symbol">The symbol.</param>
/// <param name="TimeframeSeconds">The bar length, in seconds.</param>
/// <param name="Bars">Bars stored.</param>
/// <param name="First">The first bar's open time (UTC).</param>
/// <param name="Last">The last bar's open time (UTC).</param>
/// <param name="LagSeconds">Seconds from the last bar's close to now (negative while it is still open).</param>
public sealed record BarCoverage(string Symbol, int TimeframeSeconds, long Bars, DateTime First, DateTime Last, double LagSeconds);
