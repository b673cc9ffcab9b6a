using System.Collections.Immutable;
using System.Runtime.InteropServices;

namespace Alpha.Calibration;

/// <summary>
/// Calibration on out-of-fold scores over any fold set — including purged folds where some samples are in no test
/// fold, which scikit-learn's <c>CalibratedClassifierCV</c> refuses. The final calibrator is fitted on the
/// concatenated out-of-fold scores of every tested sample (fold by fold); the reported metrics use cross-fitted
/// probabilities: each fold's scores calibrated by a calibrator fitted on the other folds' samples only, never
/// in-sample.
/// </summary>
public sealed class OutOfFoldCalibration
{
    private OutOfFoldCalibration(IProbabilityCalibrator calibrator, double[] crossFitted, int[] tested, CalibrationReport report)
    {
        Calibrator = calibrator;
        CrossFittedProbabilities = ImmutableCollectionsMarshal.AsImmutableArray(crossFitted);
        TestedSamples = ImmutableCollectionsMarshal.AsImmutableArray(tested);
        Report = report;
    }

    /// <summary>The calibrator for production, fitted on every tested sample's out-of-fold score (unweighted).</summary>
    public IProbabilityCalibrator Calibrator { get; }

    /// <summary>Per sample: the cross-fitted probability, or NaN for a sample in no test fold.</summary>
    public ImmutableArray<double> CrossFittedProbabilities { get; }

    /// <summary>The samples in some test fold, ascending.</summary>
    public ImmutableArray<int> TestedSamples { get; }

    /// <summary>Number of samples in no test fold (purged or embargoed in every fold); their scores were ignored.</summary>
    public int NeverTestedCount => CrossFittedProbabilities.Length - TestedSamples.Length;

    /// <summary>The metrics of the cross-fitted probabilities of the tested samples.</summary>
    public CalibrationReport Report { get; }

    /// <summary>Fits the calibrator and the cross-fitted probabilities.</summary>
    /// <param name="outOfFoldScores">One score per sample: a tested sample's score from the model of the fold that tested it. Scores of untested samples are ignored (may be NaN).</param>
    /// <param name="labels">0 or 1 per sample (untested samples' labels are ignored).</param>
    /// <param name="testFolds">Each fold's test sample indices; a sample may be in at most one.</param>
    /// <param name="method">The calibrator to fit; the default is isotonic.</param>
    /// <param name="reportOptions">Settings of <see cref="Report"/>.</param>
    /// <exception cref="InvalidSampleException">Lengths differ, a test index is out of range or repeated, a tested sample's score or label is invalid, fewer than two folds, or a fold's complement has no sample.</exception>
    public static OutOfFoldCalibration Fit(
        ReadOnlySpan<double> outOfFoldScores,
        ReadOnlySpan<double> labels,
        IReadOnlyList<IReadOnlyList<int>> testFolds,
        CalibrationMethod method = CalibrationMethod.Isotonic,
        CalibrationReportOptions? reportOptions = null)
    {
        ArgumentNullException.ThrowIfNull(testFolds);
        Guard.SameLength(outOfFoldScores.Length, labels.Length, nameof(labels));
        if (testFolds.Count < 2)
        {
            throw new InvalidSampleException(nameof(testFolds), -1, $"Cross-fitting needs at least two folds; got {testFolds.Count}.");
        }

        int[] foldOf = new int[labels.Length];
        foldOf.AsSpan().Fill(-1);
        var tested = new List<int>();
        for (int k = 0; k < testFolds.Count; k++)
        {
            foreach (int i in testFolds[k])
            {
                if ((uint)i >= (uint)labels.Length)
                {
                    throw new InvalidSampleException(nameof(testFolds), i, $"Fold {k} tests sample {i}, outside the {labels.Length} samples.");
                }

                if (foldOf[i] >= 0)
                {
                    throw new InvalidSampleException(nameof(testFolds), i, $"Sample {i} is tested in folds {foldOf[i]} and {k}; out-of-fold calibration needs one score per sample.");
                }

                foldOf[i] = k;
                tested.Add(i);
                if (!double.IsFinite(outOfFoldScores[i]))
                {
                    throw new InvalidSampleException(nameof(outOfFoldScores), i, $"outOfFoldScores[{i}] is {outOfFoldScores[i]}; tested samples need finite scores.");
                }

                if (labels[i] is not (0.0 or 1.0))
                {
                    throw new InvalidSampleException(nameof(labels), i, $"labels[{i}] is {labels[i]}; labels must be 0 or 1.");
                }
            }
        }

        // Concatenated fold by fold, as cross_val_predict would order them.
        double[] scores = new double[tested.Count];
        double[] y = new double[tested.Count];
        int[] sampleFold = new int[tested.Count];
        for (int j = 0; j < tested.Count; j++)
        {
            scores[j] = outOfFoldScores[tested[j]];
            y[j] = labels[tested[j]];
            sampleFold[j] = foldOf[tested[j]];
        }

        // Folds are concatenated in order, so the first and the last tested sample show whether two folds have any.
        if (tested.Count == 0 || sampleFold[0] == sampleFold[^1])
        {
            throw new InvalidSampleException(nameof(testFolds), -1, $"Only fold {(tested.Count == 0 ? 0 : sampleFold[0])} has test samples: its cross-fitted calibrator would have nothing to fit.");
        }

        // Isotonic: sort the tested samples once; each fold's complement, read in that order, is already sorted.
        int[]? order = method == CalibrationMethod.Isotonic ? IsotonicRegression.LexicalOrder(scores, y) : null;
        IProbabilityCalibrator calibrator = order is null ? FitOne(scores, y, method) : IsotonicCalibrator.FitOrdered(order, scores, y);
        double[] crossFitted = CrossFit(scores, y, testFolds.Count, sampleFold, tested, order, labels.Length, method);

        int[] testedAscending = [.. tested];
        Array.Sort(testedAscending);
        var reportLabels = new double[testedAscending.Length];
        var reportProbabilities = new double[testedAscending.Length];
        for (int j = 0; j < testedAscending.Length; j++)
        {
            reportLabels[j] = labels[testedAscending[j]];
            reportProbabilities[j] = crossFitted[testedAscending[j]];
        }

        var report = CalibrationReport.Create(reportLabels, reportProbabilities, reportOptions);
        return new OutOfFoldCalibration(calibrator, crossFitted, testedAscending, report);
    }

    // scores, y and sampleFold are over the tested samples (concatenated fold by fold); the result is over all samples.
    private static double[] CrossFit(double[] scores, double[] y, int folds, int[] sampleFold, List<int> tested, int[]? order, int sampleCount, CalibrationMethod method)
    {
        var crossFitted = new double[sampleCount];
        crossFitted.AsSpan().Fill(double.NaN);
        var members = new List<int>[folds];       // per fold, its positions in the tested samples
        for (int k = 0; k < folds; k++)
        {
            members[k] = [];
        }

        for (int j = 0; j < sampleFold.Length; j++)
        {
            members[sampleFold[j]].Add(j);
        }

        int[] others = new int[scores.Length];
        for (int k = 0; k < folds; k++)
        {
            if (members[k].Count == 0)
            {
                continue;
            }

            // The other folds' samples, in sorted order for isotonic (a subsequence of a sorted order is sorted).
            int count = 0;
            for (int r = 0; r < scores.Length; r++)
            {
                int j = order is null ? r : order[r];
                if (sampleFold[j] != k)
                {
                    others[count++] = j;
                }
            }

            ReadOnlySpan<int> rest = others.AsSpan(0, count);
            IProbabilityCalibrator calibrator = order is not null
                ? IsotonicCalibrator.FitOrdered(rest, scores, y)
                : FitOne(Gather(scores, rest), Gather(y, rest), method);
            foreach (int j in members[k])
            {
                crossFitted[tested[j]] = calibrator.Calibrate(scores[j]);
            }
        }

        return crossFitted;
    }

    private static IProbabilityCalibrator FitOne(ReadOnlySpan<double> scores, ReadOnlySpan<double> labels, CalibrationMethod method) => method switch
    {
        CalibrationMethod.Isotonic => IsotonicCalibrator.Fit(scores, labels),
        CalibrationMethod.Sigmoid => SigmoidCalibrator.Fit(scores, labels),
        _ => throw new ArgumentOutOfRangeException(nameof(method), method, "Unknown calibration method."),
    };

    private static double[] Gather(double[] values, ReadOnlySpan<int> at)
    {
        var gathered = new double[at.Length];
        for (int i = 0; i < at.Length; i++)
        {
            gathered[i] = values[at[i]];
        }

        return gathered;
    }
}
