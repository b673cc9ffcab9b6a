using FsCheck;
using Alpha.Features;
using FsCheck.Xunit;
using FsCheck.Fluent;

namespace Alpha.Labeling.Tests;

public sealed class ReversionLabelerTests
{
    [Fact]
    public void Events_AreExactlyTheReadyBarsInsideTheEntryBandAndUnderTheSpeedLimit()
    {
        FeatureFrame frame = LabelingData.SyntheticFrame;
        ReversionLabels labels = new ReversionLabeler().Label(frame, LabelingData.ReadyBars(frame));

        var expected = new List<int>();
        for (int t = 0; t < frame.Count; t++)
        {
            double absZ = Math.Abs(frame[PairFeature.Z][t]);
            if (frame.IsReady(t) && absZ >= 2.0 && absZ <= 3.5 && frame[PairFeature.Speed][t] <= labels.MaxSpeed && t + 48 < frame.Count)
            {
                expected.Add(t);
            }
        }

        Assert.Equal(expected, labels.Events.Select(e => e.T0));
        Assert.True(labels.Events.Length > 100);
        Assert.Equal(Quantiles.Linear([.. LabelingData.ReadyBars(frame).Select(t => frame[PairFeature.Speed][t])], 0.90), labels.MaxSpeed);
    }

    [Fact]
    public void Labels_FollowTheEntryFixedZBarriers()
    {
        FeatureFrame frame = LabelingData.SyntheticFrame;
        foreach (LabeledEvent e in new ReversionLabeler().Label(frame, LabelingData.ReadyBars(frame)).Events)
        {
            // Re-derived from the frame's columns: z^t_j = (log A_j − α_t − β_t·log B_j) / σ_t.
            double HeldZ(int j) => Math.Abs((frame.LogA[j] - frame.Alpha[e.T0] - (frame[PairFeature.Beta][e.T0] * frame.LogB[j])) / frame.Sigma[e.T0]);
            int touch = Enumerable.Range(e.T0 + 1, 48).FirstOrDefault(j => HeldZ(j) <= 0.5 || HeldZ(j) >= 4.0, -1);

            Assert.Equal(touch < 0 ? e.T0 + 48 : touch, e.T1);
            Assert.Equal(touch >= 0 && HeldZ(touch) <= 0.5 ? 1 : 0, e.Label);
            Assert.Equal(-Math.Sign(frame[PairFeature.Z][e.T0]), e.Direction);
            Assert.InRange(e.T1 - e.T0, 1, 48);
        }
    }

    [Property(Replay = PropertySeed.Replay, MaxTest = 15)]
    public Property Labels_UseNoBarAfterT1() =>
        Prop.ForAll(Gen.Choose(0, 200).ToArbitrary(), k =>
        {
            var labeler = new ReversionLabeler(new ReversionLabelOptions { MaxSpeed = Threshold.Absolute(10) });
            FeatureFrame frame = Rebuilt(LabelingData.SyntheticFrame, after: int.MaxValue);
            var events = labeler.Label(frame, []).Events;
            LabeledEvent e = events[k % events.Length];
            // The same prices with every bar after t1 distorted: the event's label cannot change.
            FeatureFrame distorted = Rebuilt(LabelingData.SyntheticFrame, after: e.T1);
            LabeledEvent again = labeler.Label(distorted, []).Events.Single(x => x.T0 == e.T0);
            Assert.Equal(e, again);
            return true;
        });

    [Fact]
    public void Statistics_CountExclusionsByReason()
    {
        FeatureFrame frame = LabelingData.SyntheticFrame;
        ReversionLabels labels = new ReversionLabeler().Label(frame, LabelingData.ReadyBars(frame));

        Assert.Equal(359, labels.Statistics.Exclusions[ExclusionReason.NotReady]);
        Assert.Equal(frame.Count, labels.Statistics.Events + labels.Statistics.Exclusions.Values.Sum());
        Assert.Equal(labels.Events.Count(e => e.Label == 1), labels.Statistics.Positives);
        Assert.Equal(labels.Events.Average(e => e.T1 - e.T0), labels.Statistics.MeanHoldingBars, 12);
    }

    [Fact]
    public void Options_ExitAboveEntry_AreRefused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new ReversionLabeler(new ReversionLabelOptions { ExitZ = 2.5 }));

    [SharedDataFact]
    public void RealPair_LabelStatisticsAreSane()
    {
        FeatureFrame frame = LabelingData.Real();
        ReversionLabels labels = new ReversionLabeler().Label(frame, LabelingData.ReadyBars(frame));

        // 16 years of 4-hour bars: some hundreds of events a year, a minority of them reverting.
        Assert.InRange(labels.Statistics.Events / 16.0, 50, 1000);
        Assert.InRange(labels.Statistics.PositiveRate, 0.05, 0.60);
    }

    // The frame's closes (as highs, lows and closes), with bars after `after` moved apart.
    internal static FeatureFrame Rebuilt(FeatureFrame frame, int after)
    {
        int n = frame.Count;
        double[] closeA = [.. Enumerable.Range(0, n).Select(i => Math.Exp(frame.LogA[i]) * (i > after ? 1.03 : 1))];
        double[] closeB = [.. Enumerable.Range(0, n).Select(i => Math.Exp(frame.LogB[i]) * (i > after ? 0.97 : 1))];
        return PairFeatures.Compute(closeA, closeA, closeA, closeB, closeB, closeB, new int[n]);
    }
}
