using Alpha.Calibration;
using BenchmarkDotNet.Attributes;

namespace Alpha.Benchmarks.Calibration;

/// <summary>
/// The retrain flow's AI2 calibration at its real size: 24,682 out-of-fold scores (rounded to float, as booster
/// outputs are) in 5 contiguous folds. Fit = the shipped calibrator, 5 cross-fitted ones and the report. Baseline:
/// Array.Sort of a copy of the scores, what one comparison sort of the samples costs.
/// </summary>
[MemoryDiagnoser]
public class OutOfFoldCalibrationBenchmarks
{
    private const int N = 24_682;
    private const int Folds = 5;
    private double[] _scores = null!;
    private double[] _labels = null!;
    private IReadOnlyList<int>[] _folds = null!;
    private double[] _probabilities = null!;

    [GlobalSetup]
    public void Setup()
    {
        (double[] x, _labels) = IsotonicData.Create(N);
        _scores = [.. x.Select(v => (double)(float)v)];
        _folds = [.. Enumerable.Range(0, Folds).Select(k => (IReadOnlyList<int>)[.. Enumerable.Range(k * N / Folds, ((k + 1) * N / Folds) - (k * N / Folds))])];
        _probabilities = [.. OutOfFoldCalibration.Fit(_scores, _labels, _folds).CrossFittedProbabilities];
    }

    [Benchmark(Baseline = true)]
    public double SortOnly()
    {
        double[] copy = (double[])_scores.Clone();
        Array.Sort(copy);
        return copy[0];
    }

    [Benchmark]
    public double Fit() => OutOfFoldCalibration.Fit(_scores, _labels, _folds).Report.Brier;

    [Benchmark]
    public double Report() => CalibrationReport.Create(_labels, _probabilities).Brier;
}
