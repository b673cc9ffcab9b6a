using Alpha.MarketData;
using BenchmarkDotNet.Attributes;

namespace Alpha.Benchmarks.MarketData;

/// <summary>
/// Reading the real 25,880-row AUDUSD 4-hour MetaTrader export (../shared/data) and aligning it with NZDUSD.
/// Baseline: File.ReadAllLines of the same file (reading the text alone).
/// </summary>
[MemoryDiagnoser]
public class ReaderBenchmarks
{
    private string _audusd = null!;
    private string _nzdusd = null!;

    [GlobalSetup]
    public void Setup()
    {
        string data = RepositoryPaths.SharedData("fx-audnzd");
        _audusd = Path.Combine(data, "AUDUSD_H4.csv");
        _nzdusd = Path.Combine(data, "NZDUSD_H4.csv");
    }

    [Benchmark(Baseline = true)]
    public int ReadAllLines() => File.ReadAllLines(_audusd).Length;

    [Benchmark]
    public int LoadAudusd() => new BarCsvReader().Load(_audusd).Count;

    [Benchmark]
    public int LoadBothAndAlign()
    {
        var reader = new BarCsvReader();
        return PairAligner.Align(reader.Load(_audusd), reader.Load(_nzdusd)).Count;
    }
}
