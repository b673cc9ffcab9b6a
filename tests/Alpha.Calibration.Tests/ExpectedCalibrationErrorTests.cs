using System.Text.Json;

namespace Alpha.Calibration.Tests;

public sealed class ExpectedCalibrationErrorTests
{
    private static readonly Lazy<JsonDocument> s_golden = new(() => JsonDocument.Parse(File.ReadAllText(TestEnvironment.TestDataFile("ece_golden.json"))));

    public static TheoryData<string> Cases()
    {
        var names = new TheoryData<string>();
        foreach (JsonElement c in s_golden.Value.RootElement.GetProperty("cases").EnumerateArray())
        {
            names.Add(c.GetProperty("name").GetString()!);
        }

        return names;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Compute_EqualsTorchmetricsAlgorithmOnTorch(string name)
    {
        JsonElement c = s_golden.Value.RootElement.GetProperty("cases").EnumerateArray().Single(e => e.GetProperty("name").GetString() == name);
        var d = GoldenInputs.For(c);
        foreach (JsonProperty expected in c.GetProperty("ece").EnumerateObject())
        {
            string[] parts = expected.Name.Split('-');
            var norm = Enum.Parse<CalibrationNorm>(parts[0], ignoreCase: true);
            int bins = int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture);
            Numeric.AssertClose(expected.Value.GetDouble(), ExpectedCalibrationError.Compute(d.Labels, d.P, bins, norm), rel: 1e-12, what: expected.Name);
        }
    }

    // torchmetrics' BinaryCalibrationError docstring example (the vector), 2 bins.
    [Theory]
    [InlineData(CalibrationNorm.L1, 0.2900)]
    [InlineData(CalibrationNorm.L2, 0.2918)]
    [InlineData(CalibrationNorm.Max, 0.3167)]
    public void Compute_TorchmetricsDocstringVector(CalibrationNorm norm, double expected) =>
        Numeric.AssertClose(expected, ExpectedCalibrationError.Compute([0, 0, 1, 1, 1], [0.25, 0.25, 0.55, 0.75, 0.75], bins: 2, norm), abs: 5e-5);

    [Fact]
    public void Compute_ValueOnInnerEdge_GoesToUpperBin()
    {
        // 0.5 is the inner edge of 2 bins: with the upper bin it joins 0.9 (gap |1 − 0.7| = 0.3);
        // in the lower bin it would sit with 0.1 instead.
        double ece = ExpectedCalibrationError.Compute([0, 1, 1], [0.1, 0.5, 0.9], bins: 2);
        Numeric.AssertClose((0.1 * (1.0 / 3)) + (0.3 * (2.0 / 3)), ece, rel: 1e-15);
    }

    [Fact]
    public void Compute_ProbabilityOne_FallsInTheLastBin()
    {
        // 0.95 and 1.0 share the last of 2 bins: mean confidence 0.975, accuracy 1.
        Numeric.AssertClose(0.025, ExpectedCalibrationError.Compute([1, 1], [0.95, 1.0], bins: 2), rel: 1e-12);
    }

    [Fact]
    public void Compute_ProbabilityAboveOne_NamesIndex() =>
        Assert.Equal(1, Assert.Throws<InvalidSampleException>(() => ExpectedCalibrationError.Compute([0, 1], [0.5, 1.5])).Index);
}
