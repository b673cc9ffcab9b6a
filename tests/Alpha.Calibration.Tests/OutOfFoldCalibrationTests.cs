namespace Alpha.Calibration.Tests;

public sealed class OutOfFoldCalibrationTests
{
    // 12 samples in 3 test folds; samples 4 and 8 are in no fold (purged), with NaN scores that must be ignored.
    private static readonly double[] s_scores = [0.1, 0.4, 0.35, 0.8, double.NaN, 0.2, 0.9, 0.6, double.NaN, 0.3, 0.7, 0.05];
    private static readonly double[] s_labels = [0, 0, 1, 1, 0, 0, 1, 1, 1, 0, 1, 0];
    private static readonly int[][] s_folds = [[0, 1, 2, 3], [5, 6, 7], [9, 10, 11]];

    [Fact]
    public void Fit_FinalCalibratorUsesEveryTestedSampleOnly()
    {
        var result = OutOfFoldCalibration.Fit(s_scores, s_labels, s_folds);

        int[] tested = [0, 1, 2, 3, 5, 6, 7, 9, 10, 11];
        Assert.Equal(tested, result.TestedSamples);
        Assert.Equal(2, result.NeverTestedCount);
        var direct = IsotonicCalibrator.Fit(tested.Select(i => s_scores[i]).ToArray(), tested.Select(i => s_labels[i]).ToArray());
        Assert.Equal(direct.ToJson(), result.Calibrator.ToJson());
    }

    [Fact]
    public void Fit_CrossFittedProbabilities_ComeFromTheOtherFoldsOnly()
    {
        var result = OutOfFoldCalibration.Fit(s_scores, s_labels, s_folds);

        for (int k = 0; k < s_folds.Length; k++)
        {
            int[] others = s_folds.Where((_, j) => j != k).SelectMany(f => f).ToArray();
            var calibrator = IsotonicCalibrator.Fit(others.Select(i => s_scores[i]).ToArray(), others.Select(i => s_labels[i]).ToArray());
            foreach (int i in s_folds[k])
            {
                Assert.Equal(calibrator.Calibrate(s_scores[i]), result.CrossFittedProbabilities[i]);
            }
        }

        Assert.True(double.IsNaN(result.CrossFittedProbabilities[4]));
        Assert.True(double.IsNaN(result.CrossFittedProbabilities[8]));
    }

    [Fact]
    public void Fit_ReportCoversTestedSamplesWithCrossFittedProbabilities()
    {
        var result = OutOfFoldCalibration.Fit(s_scores, s_labels, s_folds);

        Assert.Equal(10, result.Report.Count);
        Assert.Equal(5, result.Report.Positives);
        int[] tested = [.. result.TestedSamples];
        double[] probabilities = tested.Select(i => result.CrossFittedProbabilities[i]).ToArray();
        double[] labels = tested.Select(i => s_labels[i]).ToArray();
        double[] clipped = probabilities.Select(p => Math.Clamp(p, 1e-6, 1 - 1e-6)).ToArray();
        Assert.Equal(ClassificationMetrics.BrierScore(labels, clipped), result.Report.Brier);
        Assert.Equal(ClassificationMetrics.LogLoss(labels, clipped), result.Report.LogLoss);
        Assert.Equal(ClassificationMetrics.RocAuc(labels, probabilities), result.Report.RocAuc);
        Assert.Equal(0.25, result.Report.BaseRateBrier);
    }

    [Fact]
    public void Fit_Sigmoid_ProducesASigmoidCalibrator() =>
        Assert.IsType<SigmoidCalibrator>(OutOfFoldCalibration.Fit(s_scores, s_labels, s_folds, CalibrationMethod.Sigmoid).Calibrator);

    [Fact]
    public void Fit_SampleInTwoFolds_NamesIt()
    {
        var error = Assert.Throws<InvalidSampleException>(() => OutOfFoldCalibration.Fit(s_scores, s_labels, [[0, 1], [1, 2]]));
        Assert.Equal(1, error.Index);
        Assert.Contains("folds 0 and 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fit_NaNScoreOfATestedSample_NamesIt() =>
        Assert.Equal(4, Assert.Throws<InvalidSampleException>(() => OutOfFoldCalibration.Fit(s_scores, s_labels, [[0, 1], [4, 5]])).Index);

    [Fact]
    public void Fit_IndexOutOfRange_NamesIt() =>
        Assert.Equal(12, Assert.Throws<InvalidSampleException>(() => OutOfFoldCalibration.Fit(s_scores, s_labels, [[0, 1], [12]])).Index);

    [Fact]
    public void Fit_OneFold_Throws() =>
        Assert.Throws<InvalidSampleException>(() => OutOfFoldCalibration.Fit(s_scores, s_labels, [[0, 1, 2]]));

    [Fact]
    public void Fit_OnlyOneFoldWithSamples_NamesIt() =>
        Assert.Contains("Only fold 1 has test samples", Assert.Throws<InvalidSampleException>(() => OutOfFoldCalibration.Fit(s_scores, s_labels, [[], [0, 1, 2], []])).Message, StringComparison.Ordinal);
}
