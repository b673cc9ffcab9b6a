using Alpha.Backtesting;
using Alpha.Features;

namespace Alpha.Backtesting.Tests;

public sealed class AdoptionAndStressTests
{
    private static PerformanceSummary Summary(double sharpe, double maxDrawdown, double tradesPerYear) =>
        new(1, 1, 1, 252, 0.1, 0.1, sharpe, sharpe, maxDrawdown, 10, 1, 10, tradesPerYear, 0.5, 1, 0.001, 0.3);

    [Fact]
    public void Adoption_ReportsEachCriterionWithItsValue()
    {
        AdoptionDecision decision = AdoptionCheck.Evaluate(Summary(1.5, 0.10, 200), singlePair: false);

        Assert.True(decision.Adopted);
        Assert.Equal(new[] { "sharpe", "max_drawdown", "trades_per_year" }, decision.Criteria.Select(c => c.Name));
        Assert.Equal((1.5, 1.2), (decision.Criteria[0].Value, decision.Criteria[0].Bound));
    }

    [Theory]
    [InlineData(1.2, 0.10, 200, false, "sharpe")]
    [InlineData(1.5, 0.12, 200, false, "max_drawdown")]
    [InlineData(1.5, 0.10, 149, false, "trades_per_year")]
    [InlineData(1.5, 0.10, 8, true, "")]
    [InlineData(1.5, 0.10, 7.9, true, "trades_per_year")]
    public void Adoption_FailsOnTheRightCriterion(double sharpe, double dd, double trades, bool singlePair, string failing)
    {
        AdoptionDecision decision = AdoptionCheck.Evaluate(Summary(sharpe, dd, trades), singlePair);
        Assert.Equal(failing.Length == 0, decision.Adopted);
        Assert.Equal(failing, string.Join(",", decision.Criteria.Where(c => !c.Passed).Select(c => c.Name)));
    }

    [Fact]
    public void Adoption_AgainstTheDeployedModel()
    {
        DeployedBaseline deployed = DeployedBaseline.Of(Summary(2.0, 0.05, 200));
        Assert.True(AdoptionCheck.Evaluate(Summary(1.9, 0.08, 200), false, deployed).Adopted);
        AdoptionDecision worse = AdoptionCheck.Evaluate(Summary(1.89, 0.081, 200), false, deployed);
        Assert.Equal("sharpe_vs_deployed,max_drawdown_vs_deployed", string.Join(",", worse.Criteria.Where(c => !c.Passed).Select(c => c.Name)));
    }

    [Fact]
    public void Stress_EveryScenarioReportsASummary_CostsHurt()
    {
        PairMarket market = BacktesterTests.Synthetic(3000, 9);
        FeatureFrame frame = PairFeatures.Compute(market.HighA, market.LowA, market.CloseA, market.HighB, market.LowB, market.CloseB, market.Segment);
        var options = new BacktestOptions();
        StressScenario[] scenarios =
        [
            StressScenario.Baseline, StressScenario.CostMultiplier(3), StressScenario.Latency(),
            StressScenario.AtrNoise(0.5, seed: 1), StressScenario.CorrelationCollapse(1000, 500, seed: 2), StressScenario.GapEvents(5, 0.02, seed: 3),
        ];

        var results = StressTest.Run(market, frame, EntryDecisions.All(market.Count), options, scenarios);

        Assert.Equal(scenarios.Select(s => s.Name), results.Select(r => r.Scenario));
        Assert.True(results[1].Summary.EndingEquity < results[0].Summary.EndingEquity, "tripled costs must cost money");
        Assert.Equal(results[0].Summary.Trades, results[1].Summary.Trades);
        Assert.All(results, r => Assert.True(double.IsFinite(r.Summary.AnnualReturn)));
        Assert.NotEqual(results[0].Summary.EndingEquity, results[4].Summary.EndingEquity);
    }

    [Fact]
    public void Stress_Scenarios_AreSeeded()
    {
        PairMarket market = BacktesterTests.Synthetic(2000, 9);
        FeatureFrame frame = PairFeatures.Compute(market.HighA, market.LowA, market.CloseA, market.HighB, market.LowB, market.CloseB, market.Segment);
        double Run() => StressTest.Run(market, frame, EntryDecisions.All(market.Count), new BacktestOptions(), [StressScenario.AtrNoise(0.5, seed: 4)])[0].Summary.EndingEquity;
        Assert.Equal(Run(), Run());
    }
}
