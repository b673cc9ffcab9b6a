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
    }
}
