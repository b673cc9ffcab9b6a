using Alpha.CrossValidation;
using BenchmarkDotNet.Attributes;

namespace Alpha.Benchmarks.CrossValidation;

/// <summary>
/// Generating every fold for 1,000,000 overlapping events (labels up to 48 bars long): purged 5-fold against
/// plain scikit-learn style 5-split TimeSeriesSplit over the same samples (the baseline: index ranges, no
/// purging), and CPCV(10, 2). Each fold's arrays are materialised.
/// </summary>
[MemoryDiagnoser]
public class CrossValidationBenchmarks
{
    private LabelEvents _events = null!;

    [Params(1_000_000)]
    public int Events { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(7);
        var t0 = new int[Events];
        var t1 = new int[Events];
        for (int i = 0; i < Events; i++)
        {
            t0[i] = i;
            t1[i] = i + random.Next(0, 49);
        }

        _events = LabelEvents.Create(t0, t1, Events + 48);
    }

    [Benchmark(Baseline = true)]
    public int TimeSeriesSplit5() => Consume(new TimeSeriesSplit(new TimeSeriesSplitOptions { Splits = 5 }).Split(_events.Count));

    [Benchmark]
    public int PurgedKFold5() => Consume(new PurgedKFold().Split(_events));

    [Benchmark]
    public int CombinatorialPurgedKFold10Choose2() =>
        Consume(new CombinatorialPurgedKFold(new CombinatorialPurgedKFoldOptions { Groups = 10, TestGroups = 2 }).Split(_events));

    private static int Consume(IEnumerable<Fold> folds)
    {
        int total = 0;
        foreach (Fold fold in folds)
        {
            total += fold.Train.Length + fold.Test.Length;
        }

        return total;
    }
}
