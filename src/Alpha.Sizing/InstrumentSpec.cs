namespace Alpha.Sizing;

/// <summary>
/// How an instrument trades: quantities in units (shares, ounces, base currency), steps and minimums in those
/// units, prices in the quote currency.
/// </summary>
public sealed record InstrumentSpec
{
    /// <summary>The symbol (e.g. AUDUSD, XAUUSD, KO).</summary>
    public required string Symbol { get; init; }

    /// <summary>The currency prices are quoted in (e.g. USD).</summary>
    public required string QuoteCurrency { get; init; }

    /// <summary>Smallest price increment; 0 for none.</summary>
    /// <value>The default is 0 (prices are not rounded).</value>
    public double TickSize { get; init; }

    /// <summary>Quantities are whole multiples of this; 0 for continuous quantities.</summary>
    /// <value>The default is 0 (continuous).</value>
    public double LotStep { get; init; }

    /// <summary>Smallest quantity an order may have.</summary>
    /// <value>The default is 0.</value>
    public double MinLot { get; init; }

    /// <summary>Smallest order notional, in the account currency.</summary>
    /// <value>The default is 0.</value>
    public double MinNotional { get; init; }

    /// <summary>Notional of one unit at price 1 in the quote currency (e.g. 100 for a 100-ounce gold contract).</summary>
    /// <value>The default is 1.</value>
    public double ContractMultiplier { get; init; } = 1.0;

    /// <summary>Throws when a field is invalid, naming the instrument and the field.</summary>
    /// <exception cref="ArgumentException">An empty symbol or currency, a negative step or minimum, or a non-positive multiplier.</exception>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Symbol) || string.IsNullOrWhiteSpace(QuoteCurrency))
        {
            throw new ArgumentException($"Instrument '{Symbol}': symbol and quote currency are required.");
        }

        foreach ((double value, string name) in new[] { (TickSize, nameof(TickSize)), (LotStep, nameof(LotStep)), (MinLot, nameof(MinLot)), (MinNotional, nameof(MinNotional)) })
        {
            if (!double.IsFinite(value) || value < 0)
            {
                throw new ArgumentException($"Instrument '{Symbol}': {name} = {value} must be finite and non-negative.");
            }
        }

        if (!double.IsFinite(ContractMultiplier) || ContractMultiplier <= 0)
        {
            throw new ArgumentException($"Instrument '{Symbol}': ContractMultiplier = {ContractMultiplier} must be positive.");
        }
    }
}
