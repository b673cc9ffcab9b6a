using Alpha.Backtesting;
using Alpha.Inference;
using Alpha.MarketData;
using Alpha.Optimization;
using Alpha.Signals;
using Alpha.Training;
using BenchmarkDotNet.Attributes;

namespace Alpha.Benchmarks.Inference;

/// <summary>
/// The live engine over the real AUD/NZD 4-hour pair (25,834 aligned bars) with a real version (XGBoost AI1/AI2,
/// isotonic calibrators, θ searched): the whole replay, bar by bar as live, against the batch path that makes the
/// same trades (align, features over arrays, score the candidates, backtest) — the baseline of the same run.
/// </summary>
[MemoryDiagnoser]
public class InferenceBenchmarks
{
    private AudNzdVersion _version = null!;
    private TrainedModel _model = null!;

    [GlobalSetup]
    public void Setup()
    {
        _version = AudNzdVersion.Train();
        _model = TrainedModel.Load(_version.Folder);
    }

    [Benchmark(Baseline = true)]
    public int BatchBacktest()
    {
        AlignedPair pair = PairAligner.Align(_version.A, _version.B, TrainingPolicy.Default.Alignment);
        return _model.Score(pair, TrainingPolicy.Default.Backtest).Backtest(_model.Theta).Trades.Length;
    }

    [Benchmark]
    public int ReplayThroughTheEngine()
    {
        PairEngine engine = _version.Engine();
        List<Signal> signals = PairReplay.Run(engine, _version.A, _version.B);
        return signals.Count;
    }
}
