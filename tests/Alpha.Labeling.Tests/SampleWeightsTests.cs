using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Alpha.Labeling.Tests;

public sealed class SampleWeightsTests
{
    [Fact]
    public void AverageUniqueness_DePradoExample()
    {
        // Events [0,2], [1,3], [4,5]: bars 1 and 2 are shared by two events, the rest by one.
        double[] u = SampleWeights.AverageUniqueness([0, 1, 4], [2, 3, 5], 6);
        Numeric.AssertClose([2.0 / 3, 2.0 / 3, 1.0], u, rel: 1e-15);
    }

    [Fact]
    public void ClassWeights_AreBalancedAndCappedAtOneToFive()
    {
        (double w0, double w1) = SampleWeights.ClassWeights([1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        Numeric.AssertClose(12 / 22.0, w0, rel: 1e-15);
        Numeric.AssertClose(5 * 12 / 22.0, w1, rel: 1e-15);

        (double b0, double b1) = SampleWeights.ClassWeights([1, 0, 0, 1]);
        Assert.Equal((1.0, 1.0), (b0, b1));
    }

    [Fact]
    public void UniquenessTimesClass_MultipliesThePieces()
    {
        LabeledEvent[] events = [new(0, 2, 1, 0), new(1, 3, 0, 0), new(4, 5, 0, 0)];
        double[] w = SampleWeights.UniquenessTimesClass(events, events, 6);
        (double w0, double w1) = SampleWeights.ClassWeights([1, 0, 0]);
        Numeric.AssertClose([2.0 / 3 * w1, 2.0 / 3 * w0, w0], w, rel: 1e-15);
    }

    [Property(Replay = PropertySeed.Replay, MaxTest = 200)]
    public Property AverageUniqueness_IsInZeroOne() =>
        Prop.ForAll(Gen.Choose(0, int.MaxValue).ToArbitrary(), seed =>
        {
            var random = new Random(seed);
            int n = random.Next(1, 60);
            int[] t0 = [.. Enumerable.Range(0, n).Select(_ => random.Next(0, 80)).Order()];
            int[] t1 = [.. t0.Select(t => t + random.Next(0, 20))];
            double[] u = SampleWeights.AverageUniqueness(t0, t1, 100);
            Assert.All(u, v => Assert.InRange(v, double.Epsilon, 1.0));
            return true;
        });

    [Fact]
    public void AverageUniqueness_ReversedInterval_IsRefused() =>
        Assert.Contains("Event 1", Assert.Throws<ArgumentException>(() => SampleWeights.AverageUniqueness([0, 3], [1, 2], 5)).Message, StringComparison.Ordinal);

    [Fact]
    public void MulticlassWeights_AreBalanced_AndCappedAtTheRatioOfTheSmallest()
    {
        int[] labels = [.. Enumerable.Repeat(0, 10), .. Enumerable.Repeat(1, 60), .. Enumerable.Repeat(2, 30)];

        double[] w = SampleWeights.MulticlassWeights(labels, 3, maxRatio: 5.0);
        double[] capped = SampleWeights.MulticlassWeights(labels, 3, maxRatio: 2.0);

        Assert.Equal([5 * 100 / 180.0, 100 / 180.0, 100 / 90.0], w);                 // down: 100 / 30 = 3.33 > 5 × 0.556, capped
        Assert.Equal([2 * 100 / 180.0, 100 / 180.0, 100 / 90.0], capped);
        Assert.Equal(SampleWeights.ClassWeights([0, 0, 0, 1], 5.0), (SampleWeights.MulticlassWeights([0, 0, 0, 1], 2, 5.0)[0], SampleWeights.MulticlassWeights([0, 0, 0, 1], 2, 5.0)[1]));
        Assert.Equal([0, 0.5], SampleWeights.MulticlassWeights([1, 1], 2, 5.0));      // an absent class weighs 0; n / (K · n_c) for the other
        Assert.Throws<ArgumentException>(() => SampleWeights.MulticlassWeights([0, 3], 3, 5.0));
    }
}
