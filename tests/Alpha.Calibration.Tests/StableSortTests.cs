namespace Alpha.Calibration.Tests;

public sealed class StableSortTests
{
    public static TheoryData<string> Shapes => ["uniform", "ties", "signed zeros", "mixed magnitudes", "probabilities as float", "constant"];

    [Theory]
    [MemberData(nameof(Shapes))]
    public void ByKey_EqualsAStableComparisonSort(string shape)
    {
        foreach (int n in new[] { 0, 1, 2, 17, 2_049, 30_000 })
        {
            double[] keys = Keys(shape, n);
            int[] start = [.. Enumerable.Range(0, n).Reverse()];           // a non-trivial starting order
            int[] expected = [.. start.OrderBy(i => keys[i])];            // LINQ's OrderBy is stable; −0.0 equals 0.0
            int[] order = [.. start];

            StableSort.ByKey(keys, order);

            Assert.Equal(expected, order);
        }
    }

    private static double[] Keys(string shape, int n)
    {
        var rng = new Lcg(7);
        return shape switch
        {
            "uniform" => [.. Enumerable.Range(0, n).Select(_ => rng.Next() - 0.5)],
            "ties" => [.. Enumerable.Range(0, n).Select(_ => Math.Floor(rng.Next() * 8) - 4)],
            "signed zeros" => [.. Enumerable.Range(0, n).Select(i => (i % 3) switch { 0 => -0.0, 1 => 0.0, _ => rng.Next() - 0.5 })],
            "mixed magnitudes" => [.. Enumerable.Range(0, n).Select(i => (rng.Next() - 0.5) * Math.Pow(10, (i % 40) - 20))],
            "probabilities as float" => [.. Enumerable.Range(0, n).Select(_ => (double)(float)rng.Next())],
            _ => [.. Enumerable.Repeat(0.25, n)],
        };
    }
}
