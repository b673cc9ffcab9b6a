using Alpha.Features;
using Alpha.Labeling;

namespace Alpha.Labeling.Tests;

/// <summary>3-class direction labels of the spread: each event is the entry-fixed move over the horizon against ±threshold σ, recomputed here from the frame's logs and hedge.</summary>
public sealed class SpreadDirectionLabelerTests
{
    [Fact]
    public void EachLabel_IsTheEntryFixedMove_AgainstTheThreshold()
    {
        FeatureFrame frame = LabelingData.SyntheticFrame;
        int[] ready = LabelingData.ReadyBars(frame);
        var options = new SpreadDirectionOptions { HorizonBars = 12, Threshold = 0.5 };

        var events = SpreadDirectionLabeler.Label(frame, ready, options);

        Assert.Equal(ready.Count(t => t + 12 < frame.Count), events.Length);
        foreach (LabeledEvent e in events)
        {
            int t = e.T0;
            double beta = frame[PairFeature.Beta][t], sigma = frame.Sigma[t], alpha = frame.Alpha[t];
            double held = (frame.LogA[t + 12] - alpha - (beta * frame.LogB[t + 12])) / sigma, now = (frame.LogA[t] - alpha - (beta * frame.LogB[t])) / sigma;
            double move = held - now;
            Assert.Equal(t + 12, e.T1);
            Assert.Equal(move > 0.5 ? HorizonClass.Up : move < -0.5 ? HorizonClass.Down : HorizonClass.Range, (HorizonClass)e.Label);
            Assert.Equal(0, e.Direction);
        }

        Assert.All([HorizonClass.Down, HorizonClass.Range, HorizonClass.Up], c => Assert.Contains(events, e => e.Label == (int)c));
    }

    [Fact]
    public void ABarWhoseHorizonLeavesItsSegment_GivesNoSample()
    {
        FeatureFrame whole = LabelingData.SyntheticFrame;
        int n = whole.Count;
        int[] segment = [.. Enumerable.Range(0, n).Select(i => i < n / 2 ? 0 : 1)];
        double[] a = [.. Enumerable.Range(0, n).Select(i => Math.Exp(whole.LogA[i]))], b = [.. Enumerable.Range(0, n).Select(i => Math.Exp(whole.LogB[i]))];
        FeatureFrame frame = PairFeatures.Compute(a, a, a, b, b, b, segment);

        var events = SpreadDirectionLabeler.Label(frame, LabelingData.ReadyBars(frame), new SpreadDirectionOptions { HorizonBars = 12 });

        Assert.All(events, e => Assert.Equal(segment[e.T0], segment[e.T1]));
        Assert.DoesNotContain(events, e => e.T0 >= (n / 2) - 12 && e.T0 < n / 2);
    }

    [Fact]
    public void BadInput_IsRefused()
    {
        FeatureFrame frame = LabelingData.SyntheticFrame;
        Assert.Throws<ArgumentException>(() => SpreadDirectionLabeler.Label(frame, [500, 400], new SpreadDirectionOptions()));
        Assert.Throws<ArgumentOutOfRangeException>(() => SpreadDirectionLabeler.Label(frame, [500], new SpreadDirectionOptions { Threshold = double.NaN }));
        Assert.Throws<ArgumentOutOfRangeException>(() => SpreadDirectionLabeler.Label(frame, [500], new SpreadDirectionOptions { HorizonBars = 0 }));
    }
}
