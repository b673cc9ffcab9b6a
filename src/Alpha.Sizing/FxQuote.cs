namespace Alpha.Sizing;

/// <summary>A conversion rate from a quote currency to the account currency, and when it was observed (UTC).</summary>
/// <param name="Rate">Account-currency units per unit of the quote currency (positive, finite).</param>
/// <param name="Time">When the rate was observed, UTC.</param>
public readonly record struct FxQuote(double Rate, DateTime Time);
