using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Alpha.Sizing.Tests;

public sealed class BetaNeutralSizerTests
{
    private static readonly DateTime s_now = new(2024, 5, 1, 12, 0, 0, DateTimeKind.Utc);
    private static readonly InstrumentSpec s_kO = new() { Symbol = "KO", QuoteCurrency = "USD", TickSize = 0.01, LotStep = 1, MinLot = 1, MinNotional = 100 };
    private static readonly InstrumentSpec s_pEP = new() { Symbol = "PEP", QuoteCurrency = "USD", TickSize = 0.01, LotStep = 1, MinLot = 1 };

    private static BetaNeutralSizer Sizer(InstrumentSpec a, InstrumentSpec b, SizingOptions? options = null) =>
        new(a, b, "USD", new ManualTimeProvider(new DateTimeOffset(s_now)), options);

    [Fact]
    public void Size_LongSpread_BuysAAndSellsBetaTimesB()
    {
        SizingResult result = Sizer(s_kO, s_pEP).Size(new SizingRequest(100_000, +1, 0.4, 60.004, 170.0));

        Assert.True(result.IsOrder);
        Assert.Equal(new SizedLeg("KO", TradeSide.Buy, 1666, 60.0, 1666 * 60.0, 1.0), result.LegA);
        // β·notional_A = 39,984 → 235 shares of PEP at 170 (235.2 rounded down).
        Assert.Equal(new SizedLeg("PEP", TradeSide.Sell, 235, 170.0, 235 * 170.0, 0.4), result.LegB);
        Assert.Equal((235 * 170.0) - (0.4 * 1666 * 60.0), result.ResidualBetaNotional, 9);
    }

    [Fact]
    public void Size_NegativeBeta_TradesBothLegsOnTheSameSide()
    {
        SizingResult result = Sizer(s_kO, s_pEP).Size(new SizingRequest(10_000, -1, -0.5, 60, 170));
        Assert.Equal((TradeSide.Sell, TradeSide.Sell), (result.LegA!.Side, result.LegB!.Side));
    }

    [Fact]
    public void Size_PositionScale_ScalesBothLegs()
    {
        SizingResult full = Sizer(s_kO, s_pEP).Size(new SizingRequest(100_000, 1, 0.4, 60, 170));
        SizingResult half = Sizer(s_kO, s_pEP).Size(new SizingRequest(100_000, 1, 0.4, 60, 170, PositionScale: 0.5));
        Assert.Equal(Math.Floor(full.LegA!.Quantity / 2), half.LegA!.Quantity);
    }

    [Theory]
    [InlineData(0.0, SizingRejection.InvalidBeta)]
    [InlineData(double.NaN, SizingRejection.InvalidBeta)]
    [InlineData(double.PositiveInfinity, SizingRejection.InvalidBeta)]
    public void Size_BadBeta_IsARejectionNotAnException(double beta, SizingRejection reason) =>
        Assert.Equal(reason, Sizer(s_kO, s_pEP).Size(new SizingRequest(10_000, 1, beta, 60, 170)).Rejection);

    [Fact]
    public void Size_BelowMinimumNotional_IsRejected()
    {
        SizingResult result = Sizer(s_kO, s_pEP).Size(new SizingRequest(90, 1, 0.4, 60, 170));
        Assert.Equal(SizingRejection.BelowMinNotional, result.Rejection);
        Assert.Contains("KO", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Size_BelowMinimumLotOfLegB_IsRejected() =>
        Assert.Equal(SizingRejection.BelowMinLot, Sizer(s_kO, s_pEP).Size(new SizingRequest(200, 1, 0.4, 60, 170)).Rejection);

    [Fact]
    public void Size_CrossCurrency_NeedsAFreshRate()
    {
        var gold = new InstrumentSpec { Symbol = "XAUJPY", QuoteCurrency = "JPY" };
        var silver = new InstrumentSpec { Symbol = "XAGUSD", QuoteCurrency = "USD" };
        BetaNeutralSizer sizer = Sizer(gold, silver, new SizingOptions { StaleFxThreshold = TimeSpan.FromMinutes(1) });

        Assert.Equal(SizingRejection.MissingFxRate, sizer.Size(new SizingRequest(10_000, 1, 1.2, 350_000, 30)).Rejection);
        Assert.Equal(SizingRejection.StaleFxRate, sizer.Size(new SizingRequest(10_000, 1, 1.2, 350_000, 30, new FxQuote(0.0065, s_now.AddMinutes(-2)))).Rejection);
        SizingResult fresh = sizer.Size(new SizingRequest(10_000, 1, 1.2, 350_000, 30, new FxQuote(0.0065, s_now.AddSeconds(-30))));
        Assert.True(fresh.IsOrder);
        Assert.Equal(10_000, fresh.LegA!.Notional, 6);
    }

    [Fact]
    public void Size_InvalidPrice_IsARejection() =>
        Assert.Equal(SizingRejection.InvalidInput, Sizer(s_kO, s_pEP).Size(new SizingRequest(10_000, 1, 0.4, -1, 170)).Rejection);

    [Property(Replay = PropertySeed.Replay, MaxTest = 200)]
    public Property Size_ResidualBetaNotional_IsWithinOneLotOfB_QuantitiesAreWholeLots_NoOrderBelowMinimums() =>
        Prop.ForAll(
            (from n in Gen.Choose(1, 1_000_000)
             from b in Gen.Choose(5, 300)
             from p in Gen.Choose(100, 50_000)
             select (Notional: n * 10.0, Beta: b / 100.0, PriceB: p / 100.0)).ToArbitrary(),
            c =>
            {
                (double notional, double beta, double priceB) = c;
                var a = s_kO with { LotStep = 0.5, MinLot = 1, MinNotional = 50 };
                var b = s_pEP with { LotStep = 0.25, MinLot = 0.25, MinNotional = 20 };
                SizingResult result = Sizer(a, b).Size(new SizingRequest(notional, 1, beta, 60, priceB));
                if (!result.IsOrder)
                {
                    return true;
                }

                Assert.True(Math.Abs(result.ResidualBetaNotional) <= (b.LotStep * result.LegB!.Price) + 1e-6, $"residual {result.ResidualBetaNotional}");
                Assert.Equal(0, Math.Round(result.LegA!.Quantity / a.LotStep, 9) % 1);
                Assert.Equal(0, Math.Round(result.LegB.Quantity / b.LotStep, 9) % 1);
                Assert.True(result.LegA.Quantity >= a.MinLot && result.LegB.Quantity >= b.MinLot);
                Assert.True(result.LegA.Notional >= a.MinNotional && result.LegB.Notional >= b.MinNotional);
                return true;
            });
}
