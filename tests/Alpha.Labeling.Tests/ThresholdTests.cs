using Alpha.Features;

namespace Alpha.Labeling.Tests;

public sealed class ThresholdTests
{
    [Fact]
    public void Absolute_IgnoresTheWindow() =>
        Assert.Equal(0.12, Threshold.Absolute(0.12).Resolve([1, 2, 3], [], "speed"));

    [Fact]
    public void Quantile_IsTheType7QuantileOfTheTrainingBarsOnly()
    {
        double[] values = [100, 1, 2, 3, 4, 100];
        Assert.Equal(Quantiles.Linear([1, 2, 3, 4], 0.9), Threshold.Quantile(0.9).Resolve(values, [1, 2, 3, 4], "speed"));
    }

    [Fact]
    public void Quantile_NotReadyTrainingBar_IsRefusedByName() =>
        Assert.Contains("Training bar 1 has no ready speed", Assert.Throws<ArgumentException>(() => Threshold.Quantile(0.9).Resolve([1, double.NaN], [0, 1], "speed")).Message, StringComparison.Ordinal);

    [Fact]
    public void Quantile_EmptyWindow_Throws() =>
        Assert.Throws<ArgumentException>(() => Threshold.Quantile(0.9).Resolve([1, 2], [], "speed"));

    [Fact]
    public void Quantile_ChangingValuesOutsideTheWindow_ChangesNothing()
    {
        FeatureFrame frame = LabelingData.SyntheticFrame;
        int[] training = [.. LabelingData.ReadyBars(frame).Take(1500)];
        double[] speed = frame[PairFeature.Speed].ToArray();
        double before = Threshold.Quantile(0.9).Resolve(speed, training, "speed");
        for (int i = training[^1] + 1; i < speed.Length; i++)
        {
            speed[i] *= 10;
        }

        Assert.Equal(before, Threshold.Quantile(0.9).Resolve(speed, training, "speed"));
    }

    [Fact]
    public void ToString_ShowsKindAndValue()
    {
        Assert.Equal("0.12", Threshold.Absolute(0.12).ToString());
        Assert.Equal("q0.975", Threshold.Quantile(0.975).ToString());
    }
}
