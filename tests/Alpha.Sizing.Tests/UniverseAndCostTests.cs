namespace Alpha.Sizing.Tests;

public sealed class UniverseAndCostTests
{
    private static readonly InstrumentSpec s_a = new() { Symbol = "XAUUSD", QuoteCurrency = "USD", LotStep = 0.01 };
    private static readonly InstrumentSpec s_b = new() { Symbol = "XAGUSD", QuoteCurrency = "USD", LotStep = 1 };

    [Fact]
    public void Universe_PairWithUnknownLeg_IsRefusedByName() =>
        Assert.Contains("'XPTUSD'", Assert.Throws<ArgumentException>(() => Universe.Create("USD", [s_a, s_b], [new PairSpec("XAUXPT", "XAUUSD", "XPTUSD")])).Message, StringComparison.Ordinal);

    [Fact]
    public void Universe_NegativeStep_IsRefusedByName() =>
        Assert.Contains("LotStep", Assert.Throws<ArgumentException>(() => Universe.Create("USD", [s_a with { LotStep = -1 }], [])).Message, StringComparison.Ordinal);

    [Fact]
    public void Universe_Legs_FindsBothSpecs()
    {
        var universe = Universe.Create("USD", [s_a, s_b], [new PairSpec("XAUXAG", "XAUUSD", "XAGUSD")]);
        Assert.Equal((s_a, s_b), universe.Legs("XAUXAG"));
        Assert.Throws<KeyNotFoundException>(() => universe.Legs("nope"));
    }

    [Fact]
    public void CostModel_DefaultIsOneBasisPointPerSide() =>
        Assert.Equal(1e-4, new CostModel().FillCost("ANY", new DateTime(2024, 1, 1, 10, 0, 0, DateTimeKind.Utc)), 15);

    [Fact]
    public void CostModel_OverridesAndTimeOfDaySlippage()
    {
        var costs = new CostModel(
            new CostSpec { CommissionBps = 1 },
            new Dictionary<string, CostSpec> { ["XAUUSD"] = new() { CommissionBps = 0.5, SpreadBps = 2, SlippageBps = 1, SwapBpsPerDay = 0.3 } },
            [new SlippageWindow(TimeSpan.FromHours(21), TimeSpan.FromHours(1), 3)]);

        // 0.5 + 2/2 + 1 bp in the day; slippage × 3 in the window that wraps midnight.
        Assert.Equal(2.5e-4, costs.FillCost("XAUUSD", new DateTime(2024, 1, 1, 12, 0, 0, DateTimeKind.Utc)), 15);
        Assert.Equal(4.5e-4, costs.FillCost("XAUUSD", new DateTime(2024, 1, 1, 23, 0, 0, DateTimeKind.Utc)), 15);
        Assert.Equal(4.5e-4, costs.FillCost("XAUUSD", new DateTime(2024, 1, 2, 0, 30, 0, DateTimeKind.Utc)), 15);
        Assert.Equal(0.9e-4, costs.HoldingCost("XAUUSD", 3), 15);
        Assert.Equal(1e-4, costs.FillCost("XAGUSD", new DateTime(2024, 1, 1, 12, 0, 0, DateTimeKind.Utc)), 15);
        Assert.Equal(7.5e-4, costs.Scaled(3).FillCost("XAUUSD", new DateTime(2024, 1, 1, 12, 0, 0, DateTimeKind.Utc)), 15);
    }

    [Fact]
    public void CostModel_NegativeCommission_IsRefused() =>
        Assert.Throws<ArgumentException>(() => new CostModel(new CostSpec { CommissionBps = -1 }));
}
