namespace Alpha.Sizing;

/// <summary>
/// Quantity and price rounding, computed in decimal so that steps such as 0.01 or 1.2e-7 divide exactly
/// (binary doubles would turn 165 / 110 or 0.000123456789 / 0.00000012 into near-misses). Doubles convert to
/// decimal at 15 significant digits, which is exact for prices, quantities and steps as people write them.
/// Allocation-free.
/// </summary>
public static class Rounding
{
    /// <summary>Lean's tolerance: a quantity within lot_step / 1e6 of the next lot counts as that lot.</summary>
    public const double LotTolerance = 1e-6;

    /// <summary>
    /// <paramref name="quantity"/> rounded toward zero to a multiple of <paramref name="lotStep"/>, except that a
    /// quantity within lot_step / 1e6 of the next lot rounds to it (Lean's AdjustByLotSize: with lot 1, 0.98 → 0,
    /// 0.9999999 → 1). A lot step of 0 leaves the quantity as is.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A value is NaN, ±∞, or too large for decimal; or the step is negative.</exception>
    public static double ToLotStep(double quantity, double lotStep)
    {
        Guard.Finite(quantity, nameof(quantity));
        Guard.NonNegative(lotStep, nameof(lotStep));
        if (lotStep == 0)
        {
            return quantity;
        }

        decimal step = ToDecimal(lotStep, nameof(lotStep));
        decimal lots = ToDecimal(quantity, nameof(quantity)) / step;
        decimal whole = decimal.Truncate(lots);
        if (Math.Abs(lots - whole) >= 1m - (decimal)LotTolerance)
        {
            whole += Math.Sign(lots);
        }

        return (double)(whole * step);
    }

    /// <summary><paramref name="price"/> on the grid of <paramref name="tickSize"/> (0 leaves it as is).</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value is NaN, ±∞ or too large for decimal; or the tick is negative.</exception>
    public static double ToTick(double price, double tickSize, TickRounding mode = TickRounding.Nearest)
    {
        Guard.Finite(price, nameof(price));
        Guard.NonNegative(tickSize, nameof(tickSize));
        if (tickSize == 0)
        {
            return price;
        }

        decimal tick = ToDecimal(tickSize, nameof(tickSize));
        decimal ticks = ToDecimal(price, nameof(price)) / tick;
        decimal whole = mode == TickRounding.Nearest ? decimal.Round(ticks, MidpointRounding.AwayFromZero) : decimal.Truncate(ticks);
        return (double)(whole * tick);
    }

    private static decimal ToDecimal(double value, string name) =>
        Math.Abs(value) <= 7.9e27 ? (decimal)value : throw new ArgumentOutOfRangeException(name, value, $"{name} is too large to round exactly.");
}
