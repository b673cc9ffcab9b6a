using Alpha.Backtesting;
using Alpha.Features;
using BenchmarkDotNet.Attributes;

namespace Alpha.Benchmarks.Backtesting;

/// <summary>
/// A backtest over 100,000 bars of a mean-reverting synthetic pair (features precomputed, every candidate allowed).
/// Baseline: one pass over the bars computing the entry-fixed spread of a fixed hedge (the floor of any
/// simulation that reads every bar).
/// </summary>
[MemoryDiagnoser]
public class BacktestBenchmarks
{
    private const int Bars = 100_000;
    private PairMarket _market = null!;
    private SpreadSeries _spread = null!;
    private EntryDecisions _decisions = null!;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(17);
        double[] closeA = new double[Bars], closeB = new double[Bars];
        double b = 1.0, noise = 0.0;
        for (int i = 0; i < Bars; i++)
        {
            b *= 1.0 + (0.004 * (random.NextDouble() - 0.5));
            noise = (0.9 * noise) + (0.01 * (random.NextDouble() - 0.5));
            closeA[i] = (0.5 * b) + 0.2 + noise;
            closeB[i] = b;
        }

        double[] openA = [closeA[0], .. closeA[..^1]], openB = [closeB[0], .. closeB[..^1]];
        DateTime[] time = [.. Enumerable.Range(0, Bars).Select(i => new DateTime(2000, 1, 3, 0, 0, 0, DateTimeKind.Utc).AddHours(4 * i))];
        _market = PairMarket.Create(time, openA, closeA, closeA, closeA, openB, closeB, closeB, closeB, new int[Bars]);
        _spread = SpreadSeries.From(PairFeatures.Compute(closeA, closeA, closeA, closeB, closeB, closeB, new int[Bars]));
        _decisions = EntryDecisions.All(Bars);
        Console.WriteLine($"// trades: {Backtester.Run(_market, _spread, _decisions).Trades.Length}");
    }

    [Benchmark(Baseline = true)]
    public double SpreadPassOnly()
    {
        double sum = 0;
        ReadOnlySpan<double> a = _market.CloseA, b = _market.CloseB;
        for (int i = 0; i < a.Length; i++)
        {
            sum += Math.Log(a[i]) - (0.9 * Math.Log(b[i]));
        }

        return sum;
    }

    [Benchmark]
    public int Backtest100k() => Backtester.Run(_market, _spread, _decisions).Trades.Length;
}
