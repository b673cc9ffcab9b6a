namespace Alpha.Calibration;

/// <summary>
/// Everything a training report says about calibrated probabilities: discrimination (ROC-AUC, average precision),
/// accuracy of the probabilities (Brier, log loss, with the reference Brier of always predicting the base rate),
/// calibration errors and the reliability curve.
/// </summary>
/// <param name="Count">Samples scored.</param>
/// <param name="Positives">Samples with label 1.</param>
/// <param name="RocAuc">ROC-AUC; <see langword="null"/> when only one class is present.</param>
/// <param name="AveragePrecision">Average precision (PR-AUC).</param>
/// <param name="Brier">Brier score on the clipped probabilities.</param>
/// <param name="BaseRateBrier">Brier score of predicting the base rate for every sample (what a useless model scores).</param>
/// <param name="LogLoss">Log loss on the clipped probabilities.</param>
/// <param name="ExpectedCalibrationError">ECE (L1 norm).</param>
/// <param name="MaximumCalibrationError">Largest bin gap (max norm).</param>
/// <param name="Curve">The reliability curve.</param>
public sealed record CalibrationReport(
    int Count,
    int Positives,
    double? RocAuc,
    double AveragePrecision,
    double Brier,
    double BaseRateBrier,
    double LogLoss,
    double ExpectedCalibrationError,
    double MaximumCalibrationError,
    ReliabilityCurve Curve)
{
    /// <summary>Share of label 1.</summary>
    public double BaseRate => (double)Positives / Count;

    /// <summary>Computes the report for <paramref name="probabilities"/> against <paramref name="labels"/>.</summary>
    /// <exception cref="InvalidSampleException">Bad input (labels not 0/1, probabilities outside [0, 1], NaN, length mismatch, empty).</exception>
    public static CalibrationReport Create(ReadOnlySpan<double> labels, ReadOnlySpan<double> probabilities, CalibrationReportOptions? options = null)
    {
        options ??= new CalibrationReportOptions();
        options.Validate();
        ClassificationMetrics.Validate(labels, probabilities, default, nameof(probabilities));
        Guard.Probabilities(probabilities, nameof(probabilities));

        int positives = 0;
        foreach (double label in labels)
        {
            positives += label == 1 ? 1 : 0;
        }

        double floor = options.ProbabilityFloor;
        double[] clipped = probabilities.ToArray();
        for (int i = 0; i < clipped.Length; i++)
        {
            clipped[i] = Math.Clamp(clipped[i], floor, 1 - floor);
        }

        double baseRate = (double)positives / labels.Length;
        var constant = new double[labels.Length];
        constant.AsSpan().Fill(baseRate);
        bool bothClasses = positives > 0 && positives < labels.Length;
        var curve = BinaryClassifierCurve.Create(labels, probabilities, default);     // shared by AUC and AP
        (double expected, double maximum) = Calibration.ExpectedCalibrationError.ExpectedAndMaximum(labels, probabilities, options.CalibrationErrorBins);
        return new CalibrationReport(
            labels.Length,
            positives,
            bothClasses ? ClassificationMetrics.RocAuc(curve) : null,
            ClassificationMetrics.AveragePrecision(curve),
            ClassificationMetrics.BrierScore(labels, clipped),
            ClassificationMetrics.BrierScore(labels, constant),
            ClassificationMetrics.LogLoss(labels, clipped),
            expected,
            maximum,
            CalibrationCurve.Compute(labels, probabilities, options.CurveBins, options.CurveStrategy));
    }
}
