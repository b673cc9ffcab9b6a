using Alpha.Optimization;
using BenchmarkDotNet.Attributes;

namespace Alpha.Benchmarks.Optimization;

/// <summary>
/// Optimiser overhead: a 100-trial study in 2-D with a trivial objective, so the time is the sampler's and the
/// study's own. Divide by 100 for the overhead per trial. Baseline: the same study with the random sampler.
/// </summary>
[MemoryDiagnoser]
public class StudyOverheadBenchmarks
{
    private static readonly SearchSpace s_space = SearchSpace.Empty.Add("x", new FloatParameter(-5, 10)).Add("y", new FloatParameter(0, 15));

    [Benchmark(Baseline = true)]
    public int Random100() => new Study(s_space, new RandomSampler(1), new StudyOptions { MaxTrials = 100 }).Optimize(Objective).Trials.Length;

    [Benchmark]
    public int Tpe100() => new Study(s_space, new TpeSampler(seed: 1), new StudyOptions { MaxTrials = 100 }).Optimize(Objective).Trials.Length;

    [Benchmark]
    public int TpeMultivariate100() => new Study(s_space, new TpeSampler(new TpeOptions { Multivariate = true }, seed: 1), new StudyOptions { MaxTrials = 100 }).Optimize(Objective).Trials.Length;

    private static double Objective(Trial t) => (t.GetValue("x") * t.GetValue("x")) + t.GetValue("y");
}
