using System.Text.Json;

namespace Alpha.Calibration;

/// <summary>
/// Isotonic calibration as scikit-learn's <c>CalibratedClassifierCV(method="isotonic")</c> fits it: an increasing
/// <see cref="IsotonicRegression"/> of the 0/1 labels on the scores with <see cref="OutOfBounds.Clip"/>, so
/// scores beyond the fitted range get the end values. Outputs lie in [0, 1].
/// </summary>
public sealed class IsotonicCalibrator : IProbabilityCalibrator
{
    private static readonly IsotonicRegressionOptions s_options = new() { Direction = IsotonicDirection.Increasing, OutOfBounds = OutOfBounds.Clip };

    private IsotonicCalibrator(IsotonicRegression regression) => Regression = regression;

    /// <summary>The underlying regression (thresholds, fitted range).</summary>
    public IsotonicRegression Regression { get; }

    /// <inheritdoc />
    public string Kind => "isotonic";

    /// <summary>Fits the calibrator on out-of-fold <paramref name="scores"/> and their 0/1 <paramref name="labels"/>.</summary>
    /// <param name="scores">Model scores (any monotone scale: raw margins or probabilities), finite.</param>
    /// <param name="labels">0 or 1, one per score.</param>
    /// <param name="sampleWeight">Optional weights (empty for all 1). DESIGN.md fits the production calibrator unweighted.</param>
    /// <exception cref="InvalidSampleException">Bad input, naming argument and index.</exception>
    public static IsotonicCalibrator Fit(ReadOnlySpan<double> scores, ReadOnlySpan<double> labels, ReadOnlySpan<double> sampleWeight = default)
    {
        ClassificationMetrics.Validate(labels, scores, sampleWeight, nameof(scores));
        return new IsotonicCalibrator(IsotonicRegression.Fit(scores, labels, sampleWeight, s_options));
    }

    /// <summary>The fit on already validated scores and labels in <see cref="IsotonicRegression.LexicalOrder"/>.</summary>
    internal static IsotonicCalibrator FitOrdered(ReadOnlySpan<int> order, ReadOnlySpan<double> scores, ReadOnlySpan<double> labels) =>
        new(IsotonicRegression.FitOrdered(order, scores, labels, default, s_options, increasing: true));

    /// <inheritdoc />
    public double Calibrate(double score) => Math.Clamp(Regression.Predict(score), 0.0, 1.0);

    /// <inheritdoc />
    public void Calibrate(ReadOnlySpan<double> scores, Span<double> probabilities)
    {
        Regression.Predict(scores, probabilities);
        for (int i = 0; i < probabilities.Length; i++)
        {
            probabilities[i] = Math.Clamp(probabilities[i], 0.0, 1.0);
        }
    }

    /// <inheritdoc />
    public string ToJson() => CalibratorJson.Write(writer =>
    {
        writer.WriteString("kind", Kind);
        writer.WriteNumber("x_min", Regression.XMin);
        writer.WriteNumber("x_max", Regression.XMax);
        CalibratorJson.WriteArray(writer, "x_thresholds", Regression.XThresholds);
        CalibratorJson.WriteArray(writer, "y_thresholds", Regression.YThresholds);
    });

    internal static IsotonicCalibrator FromJson(JsonElement root)
    {
        double[] x = CalibratorJson.ReadArray(root, "x_thresholds");
        double[] y = CalibratorJson.ReadArray(root, "y_thresholds");
        double xMin = CalibratorJson.ReadNumber(root, "x_min");
        double xMax = CalibratorJson.ReadNumber(root, "x_max");
        if (x.Length == 0 || x.Length != y.Length)
        {
            throw new InvalidDataException($"Isotonic calibrator JSON: x_thresholds ({x.Length}) and y_thresholds ({y.Length}) must be non-empty and of equal length.");
        }

        for (int i = 1; i < x.Length; i++)
        {
            if (!(x[i] > x[i - 1]) || y[i] < y[i - 1])
            {
                throw new InvalidDataException($"Isotonic calibrator JSON: thresholds are not increasing at index {i}.");
            }
        }

        if (xMin != x[0] || xMax != x[^1])
        {
            throw new InvalidDataException("Isotonic calibrator JSON: x_min and x_max must equal the first and last x threshold.");
        }

        return new IsotonicCalibrator(IsotonicRegression.FromThresholds(x, y, increasing: true, xMin, xMax, s_options));
    }
}
