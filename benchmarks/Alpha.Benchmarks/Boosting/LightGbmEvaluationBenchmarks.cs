using System.Text;
using Alpha.Boosting;
using Alpha.Boosting.LightGbm;
using Alpha.Boosting.Training;
using BenchmarkDotNet.Attributes;

namespace Alpha.Benchmarks.Boosting;

/// <summary>
/// The same LightGBM model (binary, 20 features with ~5 % missing values, 100 or 500 trees) and the same rows, one
/// run, one thread: native <c>LGBM_BoosterPredictForMatSingleRowFast</c> (its configuration made once and reused) as
/// the baseline, and the managed evaluator's single row, both raw scores. Two tree shapes: the retrain policy's
/// (15 leaves, depth ≤ 4: the models this suite trains and serves) and a deep leaf-wise one (31 leaves, no depth limit).
/// </summary>
[MemoryDiagnoser]
public class LightGbmEvaluationBenchmarks
{
    private const int Features = 20;
    private const int Rows = 4_096;
    private BoostedTreeModel _managed = null!;
    private LightGbmNativeModel _native = null!;
    private double[] _rows = null!;
    private readonly double[] _margin = new double[1];
    private int _next;

    [Params(100, 500)]
    public int Trees { get; set; }

    [Params("policy", "deep")]
    public string Shape { get; set; } = "policy";

    [GlobalSetup]
    public void Setup()
    {
        (float[] x, float[] y) = BoosterBenchmarkData.Make(20_000, Features, missingShare: 0.05);

        var parameters = Shape == "policy"
            ? new LightGbmParameters { LearningRate = 0.1, Threads = 1 }
            : new LightGbmParameters { NumLeaves = 31, MaxDepth = -1, LearningRate = 0.1, FeatureFraction = 1, BaggingFrequency = 0, Threads = 1 };
        BoosterTrainingResult result = new LightGbmTrainer().Train(BoosterDataset.Create(x, Features, y), null, parameters, new BoosterTrainingOptions { MaxRounds = Trees, EarlyStoppingRounds = null });
        _managed = result.LoadModel();
        _native = LightGbmNativeModel.Load(Encoding.UTF8.GetString(result.Model.AsSpan()), Features);
        _rows = [.. x[..(Rows * Features)].Select(v => (double)v)];
    }

    [GlobalCleanup]
    public void Cleanup() => _native.Dispose();

    [Benchmark(Baseline = true)]
    public double NativeSingleRowFast()
    {
        _next = (_next + 1) % Rows;
        _native.PredictRawSingleRow(_rows.AsSpan(_next * Features, Features), _margin);
        return _margin[0];
    }

    [Benchmark]
    public double ManagedSingleRow()
    {
        _next = (_next + 1) % Rows;
        return _managed.PredictRaw(_rows.AsSpan(_next * Features, Features));
    }
}
