using System.Text.Json;

namespace Alpha.Calibration.Tests;

public sealed class ClassificationMetricsTests
{
    public static TheoryData<string> Cases() => Golden.CaseNames("metrics");

    [Theory]
    [MemberData(nameof(Cases))]
    public void Metrics_EqualScikitLearn(string name)
    {
        JsonElement c = Golden.Case("metrics", name);
        var d = GoldenInputs.For(c);

        Numeric.AssertClose(c.GetProperty("roc_auc").GetDouble(), ClassificationMetrics.RocAuc(d.Labels, d.X, d.W), rel: 1e-12, what: "roc_auc");
        Numeric.AssertClose(c.GetProperty("average_precision").GetDouble(), ClassificationMetrics.AveragePrecision(d.Labels, d.X, d.W), rel: 1e-12, what: "average_precision");
        Numeric.AssertClose(c.GetProperty("brier").GetDouble(), ClassificationMetrics.BrierScore(d.Labels, d.P, d.W), rel: 1e-12, what: "brier");
        Numeric.AssertClose(c.GetProperty("log_loss").GetDouble(), ClassificationMetrics.LogLoss(d.Labels, d.P, d.W), rel: 1e-12, what: "log_loss");
        Numeric.AssertClose(c.GetProperty("log_loss_eps_1e-6").GetDouble(), ClassificationMetrics.LogLoss(d.Labels, d.P, d.W, epsilon: 1e-6), rel: 1e-12, what: "log_loss eps");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void CalibrationCurve_EqualsScikitLearn(string name)
    {
        JsonElement c = Golden.Case("metrics", name);
        var d = GoldenInputs.For(c);
        foreach (JsonProperty curve in c.GetProperty("calibration_curve").EnumerateObject())
        {
            string[] parts = curve.Name.Split('-');
            var strategy = Enum.Parse<BinningStrategy>(parts[0], ignoreCase: true);
            ReliabilityCurve actual = CalibrationCurve.Compute(d.Labels, d.P, int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture), strategy);
            Numeric.AssertClose(curve.Value.GetProperty("prob_true").Doubles(), actual.FractionOfPositives.AsSpan(), rel: 1e-12, what: curve.Name + " prob_true");
            Numeric.AssertClose(curve.Value.GetProperty("prob_pred").Doubles(), actual.MeanPredicted.AsSpan(), rel: 1e-12, what: curve.Name + " prob_pred");
        }
    }

    [Fact]
    public void BrierScore_ScikitLearnDocstringVector() =>
        // sklearn.metrics.brier_score_loss docstring: y=[0,1,1,0], p=[0.1,0.9,0.8,0.3] → 0.037…; the vector:
        Numeric.AssertClose(0.025416666666666667, ClassificationMetrics.BrierScore([0, 1, 1, 0, 1, 1], [0.1, 0.8, 0.9, 0.3, 1.0, 0.95]), rel: 1e-15);

    [Fact]
    public void RocAuc_TiedScoresCountHalf() =>
        // One positive and one negative with the same score: the trapezoid through the tie gives 0.5.
        Assert.Equal(0.5, ClassificationMetrics.RocAuc([0, 1], [0.3, 0.3]));

    [Fact]
    public void RocAuc_OneClass_NamesLabels() =>
        Assert.Equal("labels", Assert.Throws<InvalidSampleException>(() => ClassificationMetrics.RocAuc([1, 1], [0.2, 0.4])).ParamName);

    [Fact]
    public void LabelOutsideZeroOne_NamesIndex()
    {
        var error = Assert.Throws<InvalidSampleException>(() => ClassificationMetrics.BrierScore([0, 2], [0.1, 0.2]));
        Assert.Equal(("labels", 1), (error.ParamName, error.Index));
    }

    [Fact]
    public void NaNScore_NamesIndex()
    {
        var error = Assert.Throws<InvalidSampleException>(() => ClassificationMetrics.RocAuc([0, 1, 1], [0.1, double.NaN, 0.2]));
        Assert.Equal(("scores", 1), (error.ParamName, error.Index));
    }

    [Fact]
    public void NaNLabel_NamesIndex() =>
        Assert.Equal(0, Assert.Throws<InvalidSampleException>(() => ClassificationMetrics.LogLoss([double.NaN, 1], [0.1, 0.2])).Index);

    [Fact]
    public void LengthMismatch_NamesArgument() =>
        Assert.Equal("probabilities", Assert.Throws<InvalidSampleException>(() => ClassificationMetrics.BrierScore([0, 1], [0.1])).ParamName);

    [Fact]
    public void Brier_ProbabilityAboveOne_NamesIndex() =>
        Assert.Equal(1, Assert.Throws<InvalidSampleException>(() => ClassificationMetrics.BrierScore([0, 1], [0.1, 1.2])).Index);
}
