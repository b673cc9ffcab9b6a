using Alpha.Calibration;
using BenchmarkDotNet.Attributes;

namespace Alpha.Benchmarks.Calibration;

/// <summary>
/// Isotonic fit and prediction on 1,000,000 points. Baseline: sorting the scores alone (Array.Sort of a copy),
/// the floor any fit pays. scikit-learn's time on the same data comes from benchmarks/python/isotonic_sklearn.py.
/// </summary>
[MemoryDiagnoser]
public class IsotonicBenchmarks
{
    private const int N = 1_000_000;
    private double[] _x = null!;
    private double[] _y = null!;
    private double[] _predictions = null!;
    private IsotonicRegression _model = null!;
    private IsotonicCalibrator _calibrator = null!;

    [GlobalSetup]
    public void Setup()
    {
        (_x, _y) = IsotonicData.Create(N);
        _predictions = new double[N];
        _model = IsotonicRegression.Fit(_x, _y, options: new() { OutOfBounds = OutOfBounds.Clip });
        _calibrator = IsotonicCalibrator.Fit(_x, _y);
    }

    [Benchmark(Baseline = true)]
    public double SortOnly()
    {
        double[] copy = (double[])_x.Clone();
        Array.Sort(copy);
        return copy[0];
    }

    [Benchmark]
    public int Fit() => IsotonicRegression.Fit(_x, _y, options: new() { OutOfBounds = OutOfBounds.Clip }).XThresholds.Length;

    [Benchmark]
    public double PredictMillion()
    {
        _model.Predict(_x, _predictions);
        return _predictions[^1];
    }

    [Benchmark(OperationsPerInvoke = 1000)]
    public double CalibrateSingle()
    {
        double sum = 0;
        for (int i = 0; i < 1000; i++)
        {
            sum += _calibrator.Calibrate(_x[i]);
        }

        return sum;
    }
}
