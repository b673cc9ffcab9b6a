using System.Globalization;

namespace Alpha.Features.Tests;

/// <summary>Rolling OLS and OU half-life against statsmodels; EMA, Wilder ATR and RSI against pandas (TestData/README.md).</summary>
public sealed class StatsmodelsGoldenTests
{
    [Fact]
    public void Features_EqualStatsmodelsAndPandas()
    {
        var pair = SyntheticPair.Create(1200, seed: 7);
        FeatureFrame frame = pair.Features(pair.Segments((0, 1200)));
        string[] lines = File.ReadAllLines(TestEnvironment.TestDataFile("statsmodels_golden.csv"));
        string[] header = lines[0].Split(',');
        int compared = 0;
        foreach (string line in lines.Skip(1))
        {
            string[] fields = line.Split(',');
            int bar = int.Parse(fields[0], CultureInfo.InvariantCulture);
            for (int c = 1; c < header.Length; c++)
            {
                double expected = fields[c].Length == 0 ? double.NaN : double.Parse(fields[c], CultureInfo.InvariantCulture);
                Numeric.AssertClose(expected, FeatureColumns.Get(frame, header[c], bar), rel: 1e-9, what: $"{header[c]} at bar {bar}");
                compared += double.IsNaN(expected) ? 0 : 1;
            }
        }

        // NaN must match NaN cell by cell (AssertClose), so warm-up lengths are checked too; most cells hold numbers.
        Assert.True(compared > 9000, $"only {compared} values compared");
    }
}
