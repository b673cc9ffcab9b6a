namespace Alpha.Signals;

/// <summary>An open pair position: the entry it filled and the hedge it holds. Quantities are signed (positive long).</summary>
/// <param name="Entry">The decision it filled (quantities, hedge, segment, equity at the decision).</param>
/// <param name="EntryBar">The bar whose open filled it.</param>
/// <param name="EntryTime">That bar's open time, UTC.</param>
/// <param name="EntryPriceA">Leg A's fill.</param>
/// <param name="EntryPriceB">Leg B's fill.</param>
/// <param name="EntryCosts">Costs of the entry fill, in the account currency.</param>
public sealed record OpenPosition(PendingEntry Entry, int EntryBar, DateTime EntryTime, double EntryPriceA, double EntryPriceB, double EntryCosts)
{
    /// <summary>Leg A's notional at the fill.</summary>
    public double NotionalA => Math.Abs(Entry.QuantityA) * EntryPriceA;

    /// <summary>Leg B's notional at the fill.</summary>
    public double NotionalB => Math.Abs(Entry.QuantityB) * EntryPriceB;

    /// <summary>Mark-to-market P&amp;L before costs at the given prices.</summary>
    public double Unrealized(double priceA, double priceB) =>
        (Entry.QuantityA * (priceA - EntryPriceA)) + (Entry.QuantityB * (priceB - EntryPriceB));

    /// <summary>The entry-fixed z at the given closes: the spread the position holds, in its decision bar's σ (signed; exits compare its absolute value).</summary>
    public double EntryFixedZ(double closeA, double closeB) =>
        (Math.Log(closeA) - Entry.Alpha - (Entry.Beta * Math.Log(closeB))) / Entry.Sigma;
}
