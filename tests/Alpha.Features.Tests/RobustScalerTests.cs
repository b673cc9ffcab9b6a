namespace Alpha.Features.Tests;

public sealed class RobustScalerTests
{
    [Fact]
    public void Fit_UsesMedianAndRawMad()
    {
        // Median of [1, 2, 4, 10] is 3; absolute deviations [2, 1, 1, 7] have median 1.5 (no 1.4826 factor).
        var scaler = RobustScaler.Fit([new double[] { 1, 2, 4, 10 }]);

        Assert.Equal(3.0, scaler.Medians[0]);
        Assert.Equal(1.5, scaler.Scales[0]);
        Span<double> scaled = stackalloc double[1];
        scaler.Transform([6.0], scaled);
        Assert.Equal(2.0, scaled[0]);
    }

    [Fact]
    public void Transform_ClipsToTheBound()
    {
        var scaler = RobustScaler.Fit([new double[] { 0, 1, 2 }], clip: 5);
        Span<double> scaled = stackalloc double[1];
        scaler.Transform([100.0], scaled);
        Assert.Equal(5.0, scaled[0]);
        scaler.Transform([-100.0], scaled);
        Assert.Equal(-5.0, scaled[0]);
    }

    [Fact]
    public void Fit_ZeroMad_ScalesByOne() =>
        Assert.Equal(1.0, RobustScaler.Fit([new double[] { 2, 2, 2, 7 }]).Scales[0]);

    [Fact]
    public void Fit_OnAFrame_ReadsOnlyTheTrainingBars()
    {
        var pair = SyntheticPair.Create(900, seed: 31);
        FeatureFrame frame = pair.Features(pair.Segments((0, 900)));
        int[] training = Enumerable.Range(360, 200).ToArray();

        var scaler = RobustScaler.Fit(frame, training);

        double[] betas = training.Select(i => frame[PairFeature.Beta][i]).Order().ToArray();
        Assert.Equal((betas[99] + betas[100]) / 2, scaler.Medians[(int)PairFeature.Beta]);
    }

    [Fact]
    public void Fit_NotReadyBar_IsRefusedByName()
    {
        var pair = SyntheticPair.Create(400, seed: 32);
        FeatureFrame frame = pair.Features(pair.Segments((0, 400)));
        Assert.Contains("Training bar 10", Assert.Throws<ArgumentException>(() => RobustScaler.Fit(frame, [10, 380])).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Transform_NaN_IsRejected() =>
        Assert.Throws<ArgumentException>(() => RobustScaler.Fit([new double[] { 1, 2 }]).Transform([double.NaN], new double[1]));
}
