namespace Alpha.Features.Tests;

public sealed class OrderStatisticsTests
{
    public static TheoryData<string> Shapes => ["random", "ties", "sorted", "reversed", "constant", "organ pipe", "sawtooth"];

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Select_EveryRank_IsTheSortedValue(string shape)
    {
        foreach (int n in new[] { 1, 2, 3, 7, 64, 257 })
        {
            double[] expected = [.. Values(shape, n, seed: 11)];
            Array.Sort(expected);
            for (int k = 0; k < n; k++)
            {
                double[] x = Values(shape, n, seed: 11);
                Assert.Equal(expected[k], OrderStatistics.Select(x, k));
                Assert.All(x[..k], v => Assert.True(v <= expected[k]));
                Assert.All(x[(k + 1)..], v => Assert.True(v >= expected[k]));
            }
        }
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Median_EqualsTheSortedMiddle(string shape)
    {
        foreach (int n in new[] { 1, 2, 5, 6, 1_000, 20_001, 20_002 })
        {
            double[] sorted = Values(shape, n, seed: 5);
            Array.Sort(sorted);
            double middle = n % 2 == 1 ? sorted[n / 2] : (sorted[(n / 2) - 1] + sorted[n / 2]) / 2.0;

            Assert.Equal(middle, OrderStatistics.Median(Values(shape, n, seed: 5)));
        }
    }

    private static double[] Values(string shape, int n, ulong seed)
    {
        var rng = new Lcg(seed);
        return shape switch
        {
            "random" => [.. Enumerable.Range(0, n).Select(_ => rng.Next() - 0.5)],
            "ties" => [.. Enumerable.Range(0, n).Select(_ => Math.Floor(rng.Next() * 4))],
            "sorted" => [.. Enumerable.Range(0, n).Select(i => (double)i)],
            "reversed" => [.. Enumerable.Range(0, n).Select(i => (double)(n - i))],
            "constant" => [.. Enumerable.Repeat(2.5, n)],
            "organ pipe" => [.. Enumerable.Range(0, n).Select(i => (double)Math.Min(i, n - i))],
            _ => [.. Enumerable.Range(0, n).Select(i => (double)(i % 17))],
        };
    }
}
