using System.Globalization;

namespace Alpha.Features.Tests;

public sealed class QuantilesTests
{
    [Fact]
    public void Linear_EqualsNumPy()
    {
        int compared = 0;
        foreach (string line in File.ReadLines(TestEnvironment.TestDataFile("quantile_golden.csv")).Skip(1))
        {
            string[] f = line.Split(',');
            ulong seed = ulong.Parse(f[0], CultureInfo.InvariantCulture);
            int n = int.Parse(f[1], CultureInfo.InvariantCulture);
            bool ties = f[2] == "1";
            var rng = new Lcg(seed);
            double[] x = [.. Enumerable.Range(0, n).Select(_ => rng.Next()).Select(v => ties ? Math.Floor(v * 20.0) / 20.0 : v)];
            double level = double.Parse(f[3], CultureInfo.InvariantCulture);

            Assert.Equal(double.Parse(f[4], CultureInfo.InvariantCulture), Quantiles.Linear(x, level));
            compared++;
        }

        Assert.Equal(63, compared);
    }

    [Fact]
    public void Linear_DoesNotModifyTheInput()
    {
        double[] x = [3, 1, 2];
        Quantiles.Linear(x, 0.5);
        Assert.Equal(new double[] { 3, 1, 2 }, x);
    }

    [Fact]
    public void Linear_NaN_IsRejectedByIndex() =>
        Assert.Contains("values[1]", Assert.Throws<ArgumentException>(() => Quantiles.Linear([1, double.NaN], 0.5)).Message, StringComparison.Ordinal);

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.1)]
    [InlineData(double.NaN)]
    public void Linear_LevelOutsideUnitInterval_Throws(double level) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Quantiles.Linear([1, 2], level));
}
