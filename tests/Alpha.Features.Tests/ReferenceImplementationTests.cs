using System.Globalization;
using Alpha.MarketData;

namespace Alpha.Features.Tests;

/// <summary>
/// The mandatory cross-check: batch and incremental features of the real AUD/NZD 4-hour pair equal the independent
/// reference implementation of DESIGN.md § 5 (../shared/data/pyref-audnzd) to 1e-9 at every bar and column.
/// </summary>
public sealed class ReferenceImplementationTests
{
    private const double Tolerance = 1e-9;

    [SharedDataFact]
    public void BatchAndIncremental_EqualTheReferenceAtEveryBarAndColumn()
    {
        var reader = new BarCsvReader();
        AlignedPair pair = PairAligner.Align(reader.Load(TestEnvironment.SharedFile("fx-audnzd", "AUDUSD_H4.csv")), reader.Load(TestEnvironment.SharedFile("fx-audnzd", "NZDUSD_H4.csv")));
        FeatureFrame batch = PairFeatures.Compute(pair);
        double[][] incremental = Incremental(pair);

        string[] lines = File.ReadAllLines(TestEnvironment.SharedFile("pyref-audnzd", "features_bars_1000_1999.csv"));
        string[] header = lines[0].Split(',');
        int checkedValues = 0;
        foreach (string line in lines.Skip(1))
        {
            string[] fields = line.Split(',');
            int bar = int.Parse(fields[0], CultureInfo.InvariantCulture);
            for (int c = Array.IndexOf(header, "alpha"); c < header.Length; c++)
            {
                double expected = double.Parse(fields[c], CultureInfo.InvariantCulture);
                Numeric.AssertClose(expected, FeatureColumns.Get(batch, header[c], bar), rel: Tolerance, what: $"batch {header[c]} at bar {bar}");
                int input = FeatureNames.ModelInputs.IndexOf(header[c]);
                if (input >= 0)
                {
                    Numeric.AssertClose(expected, incremental[bar][input], rel: Tolerance, what: $"incremental {header[c]} at bar {bar}");
                }

                checkedValues++;
            }
        }

        Assert.Equal(1000 * 21, checkedValues);
    }

    private static double[][] Incremental(AlignedPair pair)
    {
        var state = new PairFeatureState();
        var rows = new double[pair.Count][];
        int segment = -1;
        for (int i = 0; i < pair.Count; i++)
        {
            rows[i] = new double[FeatureNames.Count];
            if (pair.Segment[i] < 0)
            {
                continue;
            }

            if (pair.Segment[i] != segment)
            {
                state.Reset();
                segment = pair.Segment[i];
            }

            state.Update(new PairBar(pair.HighA[i], pair.LowA[i], pair.CloseA[i], pair.HighB[i], pair.LowB[i], pair.CloseB[i]), rows[i]);
        }

        return rows;
    }
}
