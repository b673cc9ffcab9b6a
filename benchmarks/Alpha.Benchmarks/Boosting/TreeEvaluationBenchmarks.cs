using Alpha.Boosting.Training;
using Alpha.Boosting;
using Alpha.Boosting.XGBoost;
using BenchmarkDotNet.Attributes;

namespace Alpha.Benchmarks.Boosting;

/// <summary>
/// The same XGBoost model (binary:logistic, depth 6, 20 features, 100 or 500 trees), the same rows, one run:
/// native single-row XGBoosterPredictFromDense (cache_id 0) as the baseline, the managed evaluator's single row,
/// and a 10,000-row batch both ways on one thread.
/// </summary>
[MemoryDiagnoser]
public class TreeEvaluationBenchmarks
{
    private const int Features = 20;
    private const int BatchRows = 10_000;
    private BoostedTreeModel _managed = null!;
    private XGBoostNativeModel _native = null!;
    private float[] _rowsFloat = null!;
    private double[] _rows = null!;
    private double[] _output = null!;
    private int _next;

    [Params(100, 500)]
    public int Trees { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        (float[] x, float[] y) = BoosterBenchmarkData.Make(20_000, Features);

        var data = XGBoostDataset.Create(x, Features, y);
        var result = XGBoostTrainer.Train(data, new XGBoostParameters { MaxDepth = 6, Eta = 0.1, Subsample = 1, ColsampleByTree = 1, Threads = 1 }, new BoosterTrainingOptions { MaxRounds = Trees, EarlyStoppingRounds = null });
        _managed = result.LoadModel();
        _native = XGBoostNativeModel.Load(result.Model.AsSpan(), threads: 1);
        _rowsFloat = x[..(BatchRows * Features)];
        _rows = [.. _rowsFloat.Select(v => (double)v)];
        _output = new double[BatchRows];
    }

    [GlobalCleanup]
    public void Cleanup() => _native.Dispose();

    [Benchmark(Baseline = true)]
    public float NativeSingleRow()
    {
        _next = (_next + 1) % BatchRows;
        return _native.PredictDense(_rowsFloat.AsSpan(_next * Features, Features), Features)[0];
    }

    [Benchmark]
    public double ManagedSingleRow()
    {
        _next = (_next + 1) % BatchRows;
        return _managed.Predict(_rows.AsSpan(_next * Features, Features));
    }

    [Benchmark]
    public float NativeBatch10k() => _native.Predict(_rowsFloat, Features)[^1];

    [Benchmark]
    public double ManagedBatch10k()
    {
        _managed.PredictBatch(_rows, _output);
        return _output[^1];
    }
}
