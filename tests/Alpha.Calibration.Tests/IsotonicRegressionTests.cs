using System.Text.Json;

namespace Alpha.Calibration.Tests;

public sealed class IsotonicRegressionTests
{
    public static TheoryData<string> Cases() => Golden.CaseNames("isotonic");

    [Theory]
    [MemberData(nameof(Cases))]
    public void Fit_EqualsScikitLearn(string name)
    {
        JsonElement c = Golden.Case("isotonic", name);
        var inputs = GoldenInputs.For(c);
        var options = new IsotonicRegressionOptions
        {
            Direction = c.TryGetProperty("increasing", out JsonElement inc)
                ? inc.ValueKind == JsonValueKind.String ? IsotonicDirection.Auto : inc.GetBoolean() ? IsotonicDirection.Increasing : IsotonicDirection.Decreasing
                : IsotonicDirection.Increasing,
            YMin = c.TryGetProperty("y_min", out JsonElement lo) ? lo.GetDouble() : null,
            YMax = c.TryGetProperty("y_max", out JsonElement hi) ? hi.GetDouble() : null,
            OutOfBounds = c.TryGetProperty("out_of_bounds", out JsonElement oob) ? Enum.Parse<OutOfBounds>(oob.GetString()!, ignoreCase: true) : OutOfBounds.Nan,
        };

        var model = IsotonicRegression.Fit(inputs.X, inputs.Y, inputs.W, options);

        Assert.Equal(c.GetProperty("increasing_fitted").GetBoolean(), model.Increasing);
        Assert.Equal(c.GetProperty("x_min").GetDouble(), model.XMin);
        Assert.Equal(c.GetProperty("x_max").GetDouble(), model.XMax);
        Numeric.AssertClose(c.GetProperty("x_thresholds").Doubles(), model.XThresholds, rel: 0, what: "X_thresholds_");
        Numeric.AssertClose(c.GetProperty("y_thresholds").Doubles(), model.YThresholds, rel: 1e-12, what: "y_thresholds_");
        double[] queries = c.GetProperty("queries").Doubles();
        var predictions = new double[queries.Length];
        model.Predict(queries, predictions);
        Numeric.AssertClose(c.GetProperty("predictions").Doubles(), predictions, rel: 1e-12, what: "predict");
    }

    [Fact]
    public void IsotonicFit_ScikitLearnDocstringVector()
    {
        // sklearn.isotonic.isotonic_regression([3, 7, 5, 9, 8, 7, 10]) (scikit-learn's test_isotonic_regression).
        Numeric.AssertClose([3, 6, 6, 8, 8, 8, 10], IsotonicRegression.IsotonicFit([3, 7, 5, 9, 8, 7, 10]));
    }

    [Fact]
    public void Fit_TiedX_AreMergedBeforeFitting()
    {
        // scikit-learn's test_isotonic_regression_ties_min: x=[1,1,2,3,4,5], y=1..6 → [1.5,1.5,3,4,5,6].
        var model = IsotonicRegression.Fit([1, 1, 2, 3, 4, 5], [1, 2, 3, 4, 5, 6]);
        var predictions = new double[6];
        model.Predict([1, 1, 2, 3, 4, 5], predictions);
        Numeric.AssertClose([1.5, 1.5, 3, 4, 5, 6], predictions);
    }

    [Fact]
    public void Fit_WeightedPooling_ScikitLearnSecondaryTieVector()
    {
        // scikit-learn's test_isotonic_regression_ties_secondary_: x=1..7, y=[1,41,51,1,2,5,24], w=1..7 → [1, 13.95×5, 24].
        var model = IsotonicRegression.Fit([1, 2, 3, 4, 5, 6, 7], [1, 41, 51, 1, 2, 5, 24], [1, 2, 3, 4, 5, 6, 7]);
        var predictions = new double[7];
        model.Predict([1, 2, 3, 4, 5, 6, 7], predictions);
        Numeric.AssertClose([1, 13.95, 13.95, 13.95, 13.95, 13.95, 24], predictions, rel: 1e-12);
    }

    [Fact]
    public void Predict_SingleUniqueX_IsConstantEvenOutOfRange()
    {
        var model = IsotonicRegression.Fit([2, 2, 2], [1, 2, 6], options: new() { OutOfBounds = OutOfBounds.Raise });
        Assert.Equal(3.0, model.Predict(-100));
        Assert.Equal(3.0, model.Predict(100));
    }

    [Fact]
    public void Predict_OutOfBoundsModes()
    {
        double[] x = [0, 1, 2], y = [0, 1, 3];
        Assert.True(double.IsNaN(IsotonicRegression.Fit(x, y).Predict(3)));
        Assert.Equal(3.0, IsotonicRegression.Fit(x, y, options: new() { OutOfBounds = OutOfBounds.Clip }).Predict(3));
        Assert.Equal(0.0, IsotonicRegression.Fit(x, y, options: new() { OutOfBounds = OutOfBounds.Clip }).Predict(-3));
        Assert.Throws<ArgumentOutOfRangeException>(() => IsotonicRegression.Fit(x, y, options: new() { OutOfBounds = OutOfBounds.Raise }).Predict(2.5));
    }

    [Fact]
    public void Fit_DoesNotModifyTheCallersArrays()
    {
        double[] x = [3, 1, 2, 1], y = [1, 5, 2, 0], w = [1, 0, 2, 1];
        double[] x0 = [.. x], y0 = [.. y], w0 = [.. w];
        IsotonicRegression.Fit(x, y, w);
        Assert.Equal(x0, x);
        Assert.Equal(y0, y);
        Assert.Equal(w0, w);
    }

    [Fact]
    public void Fit_NaNInY_NamesArgumentAndIndex()
    {
        var error = Assert.Throws<InvalidSampleException>(() => IsotonicRegression.Fit([1, 2, 3], [1, double.NaN, 3]));
        Assert.Equal("y", error.ParamName);
        Assert.Equal(1, error.Index);
    }

    [Fact]
    public void Fit_InfinityInX_NamesArgumentAndIndex()
    {
        var error = Assert.Throws<InvalidSampleException>(() => IsotonicRegression.Fit([1, double.PositiveInfinity], [1, 2]));
        Assert.Equal("x", error.ParamName);
        Assert.Equal(1, error.Index);
    }

    [Fact]
    public void Fit_LengthMismatch_Throws() =>
        Assert.Equal("y", Assert.Throws<InvalidSampleException>(() => IsotonicRegression.Fit([1, 2], [1])).ParamName);

    [Fact]
    public void Fit_NoPositiveWeight_Throws() =>
        Assert.Throws<InvalidSampleException>(() => IsotonicRegression.Fit([1, 2], [1, 2], [0, -1]));

    [Fact]
    public void Predict_NaN_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => IsotonicRegression.Fit([0, 1], [0, 1]).Predict(double.NaN));

    [Fact]
    public void Options_YMinAboveYMax_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => IsotonicRegression.Fit([0, 1], [0, 1], options: new() { YMin = 2, YMax = 1 }));
}
