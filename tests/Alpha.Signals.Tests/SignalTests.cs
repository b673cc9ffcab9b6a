namespace Alpha.Signals.Tests;

public sealed class SignalTests
{
    [Fact]
    public void Equality_IsByValue_LegsAndMetadataIncluded()
    {
        Signal a = SampleSignals.Entry;
        Signal same = a with { Legs = [.. a.Legs], Metadata = a.Metadata.Remove("host").Add("host", "worker-1") };

        Assert.Equal(a, same);
        Assert.Equal(a.GetHashCode(), same.GetHashCode());
        Assert.NotEqual(a, a with { Legs = [a.Legs[0], a.Legs[1] with { Quantity = 129_901 }] });
        Assert.NotEqual(a, a with { Metadata = a.Metadata.SetItem("host", "worker-2") });
    }

    [Fact]
    public void RiskFlag_FollowsTheRiskThreshold()
    {
        Assert.Equal(0, SampleSignals.Entry.RiskFlag);
        Assert.Equal(1, (SampleSignals.Entry with { RiskScore = 0.3 }).RiskFlag);      // risk_flag = 1 ⇔ risk_score ≥ θ2
        Assert.Equal(0, (SampleSignals.Entry with { RiskScore = 1, Theta2 = 1 }).RiskFlag);   // clipped to 1 − 1e-6 first
    }

    [Theory]
    [InlineData(0.7, 0.2, true)]
    [InlineData(0.6, 0.2, false)]          // strictly above θ1
    [InlineData(0.7, 0.4, false)]          // strictly below θ2
    [InlineData(1.0, 0.0, true)]           // clipped, still inside
    [InlineData(double.NaN, 0.1, false)]   // no prediction never enters
    [InlineData(0.9, double.NaN, false)]
    public void DecisionRule_EntersOnlyAboveTheta1AndBelowTheta2(double returnProb, double riskScore, bool enters)
    {
        Assert.Equal(enters, DecisionRule.Enters(returnProb, riskScore, theta1: 0.6, theta2: 0.4));
        Assert.Equal(!enters && DecisionRule.ClearsTheta1(returnProb, 0.6), DecisionRule.IsRisky(riskScore, 0.4) && DecisionRule.ClearsTheta1(returnProb, 0.6));
    }

    [Fact]
    public void DecisionRule_ClipsBeforeComparing_SoThetaOneNeverAdmitsEverything()
    {
        Assert.False(DecisionRule.ClearsTheta1(1.0, theta1: 1.0));
        Assert.True(DecisionRule.ClearsTheta1(0.0, theta1: 0.0));                // 1e-6 > 0
        Assert.False(DecisionRule.IsRisky(0.0, theta2: 1e-5));
        Assert.True(DecisionRule.IsRisky(0.0, theta2: 0.0));                     // nothing is below θ2 = 0
    }
}
