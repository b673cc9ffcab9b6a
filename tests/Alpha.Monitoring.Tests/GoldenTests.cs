using System.Collections.Immutable;
using System.Text.Json;
using Alpha.Monitoring;

namespace Alpha.Monitoring.Tests;

/// <summary>Decile edges, bins, PSI, critical values, mean shifts and Wilson intervals against numpy/scipy (TestData/generate_monitoring_golden.py).</summary>
public sealed class GoldenTests
{
    private static readonly Lazy<JsonDocument> s_golden = new(() => JsonDocument.Parse(File.ReadAllText(TestEnvironment.TestDataFile("monitoring_golden.json"))));

    public static TheoryData<string> Cases => [.. s_golden.Value.RootElement.GetProperty("cases").EnumerateArray().Select(c => c.GetProperty("name").GetString()!)];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Psi_AndEverythingItIsMadeOf_EqualNumpy(string name)
    {
        JsonElement c = s_golden.Value.RootElement.GetProperty("cases").EnumerateArray().Single(e => e.GetProperty("name").GetString() == name);
        double[] reference = Doubles(c, "reference"), live = Doubles(c, "live");

        DriftDistribution distribution = DriftDistribution.Of(name, reference);
        PsiResult psi = PopulationStability.Compute(distribution, live, new MonitoringOptions());
        DegradationVerdict verdict = DegradationCheck.Evaluate(
            new DriftReference([distribution], distribution, distribution, 0.6, 0.5, 100, 0.5),
            new LiveWindow([.. live.Select(v => new LiveCandidate([v], 0.5, 0.5, null))], [], []),
            new MonitoringOptions());

        Numeric.AssertClose(Doubles(c, "edges"), [.. distribution.Edges], 1e-12);
        Assert.Equal<int>(Ints(c, "reference_counts"), distribution.Counts);
        Assert.Equal<int>(Ints(c, "live_counts"), psi.LiveCounts);
        Numeric.AssertClose(c.GetProperty("psi").GetDouble(), psi.Psi, 1e-12);
        Numeric.AssertClose(c.GetProperty("critical").GetDouble(), psi.CriticalValue, 1e-12);
        Assert.Equal(c.GetProperty("reference_mean").GetDouble(), distribution.Mean, 1e-12);
        Assert.Equal(c.GetProperty("reference_sd").GetDouble(), distribution.StandardDeviation, 1e-12);
        Assert.Equal(c.GetProperty("mean_shift").GetDouble(), verdict.MeanShifts[0].Shift, 1e-11);
    }

    [Fact]
    public void Wilson_EqualsScipy()
    {
        foreach (JsonElement w in s_golden.Value.RootElement.GetProperty("wilson").EnumerateArray())
        {
            (double low, double high) = DegradationCheck.Wilson(w.GetProperty("successes").GetInt32(), w.GetProperty("trials").GetInt32(), 0.95);

            Assert.Equal(w.GetProperty("low").GetDouble(), low, 1e-12);
            Assert.Equal(w.GetProperty("high").GetDouble(), high, 1e-12);
        }
    }

    private static double[] Doubles(JsonElement c, string key) => [.. c.GetProperty(key).EnumerateArray().Select(e => e.GetDouble())];

    private static ImmutableArray<int> Ints(JsonElement c, string key) => [.. c.GetProperty(key).EnumerateArray().Select(e => e.GetInt32())];
}
