using Alpha.Features;
using Alpha.Labeling;
using BenchmarkDotNet.Attributes;

namespace Alpha.Benchmarks.Features;

/// <summary>
/// Features and labels: one incremental update of the full 17-feature vector (warm state, after 10,000 bars), and
/// batch features + AI1/AI2 labels for 100,000 bars. Baseline for the batch: one pass computing only the log prices
/// of both legs (the floor of any feature computation).
/// </summary>
[MemoryDiagnoser]
public class FeatureBenchmarks
{
    private const int BatchBars = 100_000;
    private PairBar[] _bars = null!;
    private double[][] _columns = null!;
    private int[] _segment = null!;
    private PairFeatureState _state = null!;
    private double[] _row = null!;
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        _bars = SyntheticBars.Create(BatchBars, seed: 5);
        _columns = [.. Enumerable.Range(0, 6).Select(c => _bars.Select(b => c switch { 0 => b.HighA, 1 => b.LowA, 2 => b.CloseA, 3 => b.HighB, 4 => b.LowB, _ => b.CloseB }).ToArray())];
        _segment = new int[BatchBars];
        _state = new PairFeatureState();
        _row = new double[FeatureNames.Count];
        for (int i = 0; i < 10_000; i++)
        {
            _state.Update(_bars[i], _row);
        }

        _next = 10_000;
    }

    [Benchmark(OperationsPerInvoke = 1000)]
    public bool IncrementalUpdate()
    {
        bool ready = false;
        for (int k = 0; k < 1000; k++)
        {
            ready = _state.Update(_bars[_next], _row);
            _next = _next + 1 < _bars.Length ? _next + 1 : 10_000;
        }

        return ready;
    }

    [Benchmark(Baseline = true)]
    public double LogPricesOnly()
    {
        double sum = 0;
        for (int i = 0; i < BatchBars; i++)
        {
            sum += Math.Log(_columns[2][i]) + Math.Log(_columns[5][i]);
        }

        return sum;
    }

    [Benchmark]
    public int BatchFeatures() => Batch().Count;

    [Benchmark]
    public int BatchFeaturesAndLabels()
    {
        FeatureFrame frame = Batch();
        int[] all = [.. Enumerable.Range(0, frame.Count).Where(frame.IsReady)];
        return new ReversionLabeler().Label(frame, all).Events.Length + new RiskLabeler().Label(frame, all).Events.Length;
    }

    private FeatureFrame Batch() => PairFeatures.Compute(_columns[0], _columns[1], _columns[2], _columns[3], _columns[4], _columns[5], _segment);
}
