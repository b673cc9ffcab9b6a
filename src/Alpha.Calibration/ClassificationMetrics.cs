namespace Alpha.Calibration;

/// <summary>
/// Binary classification metrics equal to scikit-learn 1.2's: <c>roc_auc_score</c>, <c>average_precision_score</c>,
/// <c>brier_score_loss</c> and <c>log_loss</c>, including their tie handling, weighting and summation order.
/// </summary>
/// <remarks>
/// Labels are 0 or 1; scores and probabilities are finite; weights (optional, empty for all 1) are finite and
/// non-negative. Anything else raises <see cref="InvalidSampleException"/> naming the argument and index.
/// </remarks>
public static class ClassificationMetrics
{
    /// <summary>Area under the ROC curve (ties between scores count half, as the trapezoid over distinct thresholds gives).</summary>
    /// <exception cref="InvalidSampleException">Bad input, or only one class present (ROC AUC is undefined then).</exception>
    public static double RocAuc(ReadOnlySpan<double> labels, ReadOnlySpan<double> scores, ReadOnlySpan<double> sampleWeight = default)
    {
        Validate(labels, scores, sampleWeight, nameof(scores));
        RequireBothClasses(labels, sampleWeight);
        return RocAuc(BinaryClassifierCurve.Create(labels, scores, sampleWeight));
    }

    /// <summary>ROC AUC from an already computed curve (both classes present).</summary>
    internal static double RocAuc(BinaryClassifierCurve curve)
    {
        double[] fps = curve.FalsePositives, tps = curve.TruePositives;

        // roc_curve(drop_intermediate=True): keep the ends and every point where the curve bends.
        var keptF = new List<double>(fps.Length + 1) { 0 };
        var keptT = new List<double>(tps.Length + 1) { 0 };
        for (int i = 0; i < fps.Length; i++)
        {
            bool end = i == 0 || i == fps.Length - 1;
            if (fps.Length <= 2 || end || (fps[i + 1] - fps[i]) - (fps[i] - fps[i - 1]) != 0 || (tps[i + 1] - tps[i]) - (tps[i] - tps[i - 1]) != 0)
            {
                keptF.Add(fps[i]);
                keptT.Add(tps[i]);
            }
        }

        double totalF = keptF[^1], totalT = keptT[^1];
        var areas = new double[keptF.Count - 1];
        for (int i = 0; i < areas.Length; i++)
        {
            double x0 = keptF[i] / totalF, x1 = keptF[i + 1] / totalF;
            double y0 = keptT[i] / totalT, y1 = keptT[i + 1] / totalT;
            areas[i] = (x1 - x0) * (y1 + y0) / 2.0;
        }

        return NumpyArithmetic.Sum(areas);
    }

    /// <summary>Average precision (PR-AUC as a step function): Σ (R_n − R_{n−1}) · P_n over distinct thresholds.</summary>
    /// <exception cref="InvalidSampleException">Bad input.</exception>
    /// <remarks>With no positive sample, recall is taken as 1 everywhere and the result is 0 (scikit-learn warns; so does the report).</remarks>
    public static double AveragePrecision(ReadOnlySpan<double> labels, ReadOnlySpan<double> scores, ReadOnlySpan<double> sampleWeight = default)
    {
        Validate(labels, scores, sampleWeight, nameof(scores));
        return AveragePrecision(BinaryClassifierCurve.Create(labels, scores, sampleWeight));
    }

    /// <summary>Average precision from an already computed curve.</summary>
    internal static double AveragePrecision(BinaryClassifierCurve curve)
    {
        double[] fps = curve.FalsePositives, tps = curve.TruePositives;
        int m = tps.Length;
        double totalT = tps[^1];

        // precision_recall_curve reversed (recall decreasing) with the final (P = 1, R = 0) point.
        var precision = new double[m + 1];
        var recall = new double[m + 1];
        for (int k = 0; k < m; k++)
        {
            int i = m - 1 - k;
            double predicted = tps[i] + fps[i];
            precision[k] = predicted != 0 ? tps[i] / predicted : 0;
            recall[k] = totalT == 0 ? 1 : tps[i] / totalT;
        }

        precision[m] = 1;
        recall[m] = 0;
        var steps = new double[m];
        for (int k = 0; k < m; k++)
        {
            steps[k] = (recall[k + 1] - recall[k]) * precision[k];
        }

        return -NumpyArithmetic.Sum(steps);
    }

    /// <summary>Brier score: the (weighted) mean of (label − probability)².</summary>
    /// <exception cref="InvalidSampleException">Bad input, or a probability outside [0, 1].</exception>
    public static double BrierScore(ReadOnlySpan<double> labels, ReadOnlySpan<double> probabilities, ReadOnlySpan<double> sampleWeight = default)
    {
        Validate(labels, probabilities, sampleWeight, nameof(probabilities));
        Guard.Probabilities(probabilities, nameof(probabilities));
        var squares = new double[labels.Length];
        for (int i = 0; i < squares.Length; i++)
        {
            double d = labels[i] - probabilities[i];
            squares[i] = d * d;
        }

        return WeightedMean(squares, sampleWeight);
    }

    /// <summary>
    /// Log loss (cross-entropy) of probabilities of class 1. Probabilities are clipped to
    /// [<paramref name="epsilon"/>, 1 − <paramref name="epsilon"/>] and renormalised as scikit-learn 1.2 does.
    /// </summary>
    /// <param name="labels">0 or 1.</param>
    /// <param name="probabilities">Probabilities of class 1 (finite; values outside [0, 1] are clipped, as scikit-learn does).</param>
    /// <param name="sampleWeight">Optional weights.</param>
    /// <param name="epsilon">The clipping bound; the default is float64 machine epsilon (scikit-learn's <c>eps="auto"</c>).</param>
    /// <exception cref="InvalidSampleException">Bad input.</exception>
    public static double LogLoss(ReadOnlySpan<double> labels, ReadOnlySpan<double> probabilities, ReadOnlySpan<double> sampleWeight = default, double epsilon = 2.220446049250313e-16)
    {
        Validate(labels, probabilities, sampleWeight, nameof(probabilities));
        Guard.Finite(epsilon, nameof(epsilon));
        ArgumentOutOfRangeException.ThrowIfNegative(epsilon);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(epsilon, 0.5);
        var losses = new double[labels.Length];
        for (int i = 0; i < losses.Length; i++)
        {
            double p = Math.Min(Math.Max(probabilities[i], epsilon), 1 - epsilon);
            double q = 1 - p;
            double total = q + p;
            losses[i] = -Math.Log((labels[i] == 1 ? p : q) / total);
        }

        return WeightedMean(losses, sampleWeight);
    }

    internal static void Validate(ReadOnlySpan<double> labels, ReadOnlySpan<double> values, ReadOnlySpan<double> sampleWeight, string valuesName)
    {
        Guard.NotEmpty(labels.Length, nameof(labels));
        Guard.SameLength(labels.Length, values.Length, valuesName);
        Guard.AllFinite(labels, nameof(labels));
        Guard.BinaryLabels(labels, nameof(labels));
        Guard.AllFinite(values, valuesName);
        Guard.Weights(sampleWeight, labels.Length, nameof(sampleWeight));
    }

    // np.average(values, weights): pairwise sums of w·v and of w.
    private static double WeightedMean(double[] values, ReadOnlySpan<double> sampleWeight)
    {
        if (sampleWeight.IsEmpty)
        {
            return NumpyArithmetic.Mean(values);
        }

        var weighted = new double[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            weighted[i] = values[i] * sampleWeight[i];
        }

        double totalWeight = NumpyArithmetic.Sum(sampleWeight);
        if (totalWeight == 0)
        {
            throw new InvalidSampleException(nameof(sampleWeight), -1, "The sample weights sum to zero.");
        }

        return NumpyArithmetic.Sum(weighted) / totalWeight;
    }

    private static void RequireBothClasses(ReadOnlySpan<double> labels, ReadOnlySpan<double> sampleWeight)
    {
        bool positive = false, negative = false;
        for (int i = 0; i < labels.Length; i++)
        {
            if (!sampleWeight.IsEmpty && sampleWeight[i] == 0)
            {
                continue;
            }

            positive |= labels[i] == 1;
            negative |= labels[i] == 0;
        }

        if (!(positive && negative))
        {
            throw new InvalidSampleException(nameof(labels), -1, "Only one class present in labels. ROC AUC score is not defined in that case.");
        }
    }
}
