using Alpha.MarketData;

namespace Alpha.Inference;

/// <summary>A bar of one symbol and timeframe, as a bar source delivers it to the worker.</summary>
/// <param name="Symbol">The instrument symbol (as in the catalogue's legs).</param>
/// <param name="Timeframe">The bar timeframe.</param>
/// <param name="Bar">The bar (UTC open time).</param>
public readonly record struct SourcedBar(string Symbol, TimeSpan Timeframe, Bar Bar);
