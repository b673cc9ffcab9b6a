namespace Alpha.Calibration.Tests;

public sealed class CalibratorJsonTests
{
    [Fact]
    public void Isotonic_RoundTripsExactly()
    {
        var d = GoldenInputs.For(Golden.Case("metrics", "continuous"));
        var calibrator = IsotonicCalibrator.Fit(d.X, d.Labels);

        var loaded = Assert.IsType<IsotonicCalibrator>(CalibratorJson.Read(calibrator.ToJson()));

        Assert.Equal(calibrator.Regression.XThresholds.ToArray(), loaded.Regression.XThresholds.ToArray());
        Assert.Equal(calibrator.Regression.YThresholds.ToArray(), loaded.Regression.YThresholds.ToArray());
        foreach (double s in new[] { -10, -4.99, -1.234567, 0, 0.1, 2.5, 4.999, 10 })
        {
            Assert.Equal(calibrator.Calibrate(s), loaded.Calibrate(s));
        }

        Assert.Equal(calibrator.ToJson(), loaded.ToJson());
    }

    [Fact]
    public void Sigmoid_RoundTripsExactly()
    {
        var calibrator = SigmoidCalibrator.FromParameters(-1.2345678901234567, 0.1 + 0.2);
        var loaded = Assert.IsType<SigmoidCalibrator>(CalibratorJson.Read(calibrator.ToJson()));
        Assert.Equal(calibrator.A, loaded.A);
        Assert.Equal(calibrator.B, loaded.B);
    }

    [Fact]
    public void Json_IsSnakeCaseWithKindAndVersion() =>
        Assert.Equal("""{"format_version":1,"kind":"sigmoid","a":-2,"b":0.5}""", SigmoidCalibrator.FromParameters(-2, 0.5).ToJson());

    [Theory]
    [InlineData("not json", "malformed")]
    [InlineData("""{"format_version":1,"kind":"platt","a":1,"b":2}""", "'platt' is unknown")]
    [InlineData("""{"format_version":2,"kind":"sigmoid","a":1,"b":2}""", "format_version 2")]
    [InlineData("""{"format_version":1,"kind":"sigmoid","a":1}""", "'b'")]
    [InlineData("""{"format_version":1,"kind":"isotonic","x_min":0,"x_max":1,"x_thresholds":[0,1],"y_thresholds":[0.5]}""", "equal length")]
    [InlineData("""{"format_version":1,"kind":"isotonic","x_min":0,"x_max":1,"x_thresholds":[0,1],"y_thresholds":[0.5,0.2]}""", "not increasing at index 1")]
    [InlineData("""{"format_version":1,"kind":"isotonic","x_min":0,"x_max":1,"x_thresholds":[0,"x"],"y_thresholds":[0.5,0.6]}""", "'x_thresholds'[1]")]
    public void Read_BadJson_SaysWhatIsWrong(string json, string fragment)
    {
        var error = Assert.Throws<InvalidDataException>(() => CalibratorJson.Read(json));
        Assert.Contains(fragment, error.Message, StringComparison.Ordinal);
    }
}
