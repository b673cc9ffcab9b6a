using Alpha.Features;

namespace Alpha.Labeling.Tests;

public sealed class RiskLabelerTests
{
    [Fact]
    public void Labels_AreOneWhenAnyConditionFiresInTheForwardHorizon()
    {
        FeatureFrame frame = LabelingData.SyntheticFrame;
        RiskLabels labels = new RiskLabeler().Label(frame, LabelingData.ReadyBars(frame));
        PairFeature[] features = [PairFeature.RhoVar, PairFeature.AtrRatio, PairFeature.Speed, PairFeature.DdRecent];
        double[] thresholds = [.. labels.Thresholds.Values];

        Assert.Equal(LabelingData.ReadyBars(frame).Where(t => t + 12 < frame.Count), labels.Events.Select(e => e.T0));
        foreach (LabeledEvent e in labels.Events)
        {
            bool fires = Enumerable.Range(e.T0 + 1, 12).Any(j => features.Select((f, c) => frame[f][j] > thresholds[c]).Any(x => x));
            Assert.Equal(fires ? 1 : 0, e.Label);
            Assert.Equal(e.T0 + 12, e.T1);
        }
    }

    [Fact]
    public void Thresholds_AreTheTrainingWindowsQuantiles()
    {
        FeatureFrame frame = LabelingData.SyntheticFrame;
        int[] training = [.. LabelingData.ReadyBars(frame).Take(2000)];
        RiskLabels labels = new RiskLabeler().Label(frame, training);

        Assert.Equal(Quantiles.Linear([.. training.Select(t => frame[PairFeature.DdRecent][t])], 0.975), labels.Thresholds[RiskCondition.Drawdown]);
        Assert.Equal(Quantiles.Linear([.. training.Select(t => frame[PairFeature.Speed][t])], 0.975), labels.Thresholds[RiskCondition.Speed]);
    }

    [Fact]
    public void Report_GivesFireRatesAndWarnsWhenAConditionNeverFires()
    {
        FeatureFrame frame = LabelingData.SyntheticFrame;
        RiskLabels labels = new RiskLabeler(new RiskLabelOptions { Drawdown = Threshold.Absolute(1e9) }).Label(frame, LabelingData.ReadyBars(frame));

        Assert.Equal(0, labels.FireCounts[RiskCondition.Drawdown]);
        Assert.Contains(labels.Warnings, w => w.Contains("Drawdown never fires", StringComparison.Ordinal));
        Assert.InRange(labels.FireRate(RiskCondition.Speed), 0.0, 1.0);
        Assert.Equal(labels.Events.Count(e => e.Label == 1), labels.Statistics.Positives);
    }

    [Fact]
    public void Report_WarnsWhenThePositiveRateLeavesTheBand()
    {
        FeatureFrame frame = LabelingData.SyntheticFrame;
        RiskLabels labels = new RiskLabeler(new RiskLabelOptions { Speed = Threshold.Absolute(0) }).Label(frame, LabelingData.ReadyBars(frame));

        Assert.Equal(1.0, labels.Statistics.PositiveRate);
        Assert.Contains(labels.Warnings, w => w.Contains("outside the expected", StringComparison.Ordinal));
    }

    [SharedDataFact]
    public void RealPair_PositiveRateIsInsideTheBand()
    {
        FeatureFrame frame = LabelingData.Real();
        RiskLabels labels = new RiskLabeler().Label(frame, LabelingData.ReadyBars(frame));

        Assert.InRange(labels.Statistics.PositiveRate, 0.10, 0.60);
        Assert.Empty(labels.Warnings);
    }
}
