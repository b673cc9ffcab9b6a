using System.Text.Json;

namespace Alpha.Calibration.Tests;

public sealed class SigmoidCalibratorTests
{
    public static TheoryData<string> Cases() => Golden.CaseNames("sigmoid");

    [Theory]
    [MemberData(nameof(Cases))]
    public void Fit_ParametersEqualScikitLearnWithin1e6(string name)
    {
        JsonElement c = Golden.Case("sigmoid", name);
        var d = GoldenInputs.For(c);

        var calibrator = SigmoidCalibrator.Fit(d.X, d.Labels, d.W);

        Numeric.AssertClose(c.GetProperty("a").GetDouble(), calibrator.A, rel: 0, abs: 1e-6, what: "A");
        Numeric.AssertClose(c.GetProperty("b").GetDouble(), calibrator.B, rel: 0, abs: 1e-6, what: "B");
    }

    [Fact]
    public void Calibrate_IsTheLogisticOfMinusAffineScore()
    {
        var calibrator = SigmoidCalibrator.FromParameters(-2, 0.5);
        Numeric.AssertClose(1 / (1 + Math.Exp((-2 * 0.3) + 0.5)), calibrator.Calibrate(0.3), rel: 1e-15);
    }

    [Fact]
    public void Calibrate_ExtremeScores_StayFinite()
    {
        var calibrator = SigmoidCalibrator.FromParameters(-5, 0);
        Assert.Equal(1.0, calibrator.Calibrate(1e6));
        Assert.Equal(0.0, calibrator.Calibrate(-1e6));
    }

    [Fact]
    public void Fit_ConstantScores_GivesTheSmoothedBaseRate()
    {
        // All scores equal: only A·s + B is identified, and the fit must reproduce Platt's smoothed base rate.
        var calibrator = SigmoidCalibrator.Fit([0.4, 0.4, 0.4, 0.4], [1, 0, 1, 1]);
        // Targets: (N₊ + 1)/(N₊ + 2) = 4/5 for the three positives, 1/(N₋ + 2) = 1/3 for the negative.
        double expected = ((3 * (4.0 / 5)) + (1.0 / 3)) / 4;
        Numeric.AssertClose(expected, calibrator.Calibrate(0.4), rel: 1e-9);
    }
}
