namespace Alpha.Sizing.Tests;

public sealed class RoundingTests
{
    // Lean's OrderSizing.AdjustByLotSize test cases (lot size 1).
    [Theory]
    [InlineData(0.98, 0)]
    [InlineData(-0.98, 0)]
    [InlineData(0.9999999, 1)]
    [InlineData(-0.9999999, -1)]
    [InlineData(2.5, 2)]
    public void ToLotStep_MatchesLean(double quantity, double expected) =>
        Assert.Equal(expected, Rounding.ToLotStep(quantity, 1));

    // ccxt's decimal_to_precision tick cases.
    [Theory]
    [InlineData(165, 110, TickRounding.TowardZero, 110)]
    [InlineData(165, 110, TickRounding.Nearest, 220)]
    [InlineData(0.000123456789, 0.00000012, TickRounding.Nearest, 0.00012348)]
    [InlineData(0.000123456789, 0.00000012, TickRounding.TowardZero, 0.00012336)]
    public void ToTick_MatchesCcxt(double price, double tick, TickRounding mode, double expected) =>
        Assert.Equal(expected, Rounding.ToTick(price, tick, mode));

    [Fact]
    public void ToLotStep_DecimalSteps_AreExact()
    {
        Assert.Equal(0.3, Rounding.ToLotStep(0.3, 0.1));
        Assert.Equal(1.23, Rounding.ToLotStep(1.2399, 0.01));
    }

    [Fact]
    public void ZeroStep_LeavesTheValue() =>
        Assert.Equal(1.2345, Rounding.ToLotStep(1.2345, 0));

    [Fact]
    public void NaN_IsRejected() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Rounding.ToLotStep(double.NaN, 1));
}
