using Alpha.MarketData;
using Alpha.Signals;

namespace Alpha.Backtesting;

/// <summary>
/// The prices a backtest trades on: per bar of the aligned axis the UTC time, both legs' OHLC and the segment
/// (−1 for bars in no segment). Plain arrays, so any data source can feed a backtest. Immutable.
/// </summary>
public sealed class PairMarket
{
    private PairMarket(DateTime[] time, double[][] a, double[][] b, int[] segment, int[]? dayEnds = null)
    {
        TimeArray = time;
        A = a;
        B = b;
        SegmentArray = segment;
        DayEnds = dayEnds ?? LastBarOfEachDay(time);
    }

    /// <summary>Number of bars.</summary>
    public int Count => TimeArray.Length;

    /// <summary>UTC bar open times.</summary>
    public ReadOnlySpan<DateTime> Time => TimeArray;

    /// <summary>Each bar's segment (−1: none).</summary>
    public ReadOnlySpan<int> Segment => SegmentArray;

    /// <summary>Leg A's open, high, low and close.</summary>
    public ReadOnlySpan<double> OpenA => A[0];

    /// <summary>Leg A's high.</summary>
    public ReadOnlySpan<double> HighA => A[1];

    /// <summary>Leg A's low.</summary>
    public ReadOnlySpan<double> LowA => A[2];

    /// <summary>Leg A's close.</summary>
    public ReadOnlySpan<double> CloseA => A[3];

    /// <summary>Leg B's open.</summary>
    public ReadOnlySpan<double> OpenB => B[0];

    /// <summary>Leg B's high.</summary>
    public ReadOnlySpan<double> HighB => B[1];

    /// <summary>Leg B's low.</summary>
    public ReadOnlySpan<double> LowB => B[2];

    /// <summary>Leg B's close.</summary>
    public ReadOnlySpan<double> CloseB => B[3];

    internal DateTime[] TimeArray { get; }

    internal double[][] A { get; }

    internal double[][] B { get; }

    internal int[] SegmentArray { get; }

    /// <summary>The last bar of each UTC day that has bars, ascending (the daily equity points).</summary>
    internal int[] DayEnds { get; }

    /// <summary>The market of an aligned pair.</summary>
    public static PairMarket From(AlignedPair pair)
    {
        ArgumentNullException.ThrowIfNull(pair);
        return new PairMarket(
            pair.Time.ToArray(),
            [pair.OpenA.ToArray(), pair.HighA.ToArray(), pair.LowA.ToArray(), pair.CloseA.ToArray()],
            [pair.OpenB.ToArray(), pair.HighB.ToArray(), pair.LowB.ToArray(), pair.CloseB.ToArray()],
            pair.Segment.ToArray());
    }

    /// <summary>A market from arrays (copied): times strictly increasing, prices finite and positive, one segment id per bar.</summary>
    /// <exception cref="ArgumentException">A length differs, a price is invalid, or times are not increasing (named with the bar).</exception>
    public static PairMarket Create(
        ReadOnlySpan<DateTime> time,
        ReadOnlySpan<double> openA, ReadOnlySpan<double> highA, ReadOnlySpan<double> lowA, ReadOnlySpan<double> closeA,
        ReadOnlySpan<double> openB, ReadOnlySpan<double> highB, ReadOnlySpan<double> lowB, ReadOnlySpan<double> closeB,
        ReadOnlySpan<int> segment)
    {
        int n = time.Length;
        double[][] a = [openA.ToArray(), highA.ToArray(), lowA.ToArray(), closeA.ToArray()];
        double[][] b = [openB.ToArray(), highB.ToArray(), lowB.ToArray(), closeB.ToArray()];
        foreach (double[] column in a.Concat(b))
        {
            if (column.Length != n)
            {
                throw new ArgumentException($"Every price column needs {n} values (one per bar); one has {column.Length}.", nameof(time));
            }

            for (int i = 0; i < n; i++)
            {
                if (!double.IsFinite(column[i]) || column[i] <= 0)
                {
                    throw new ArgumentException($"Bar {i}: price {column[i]} is not finite and positive.", nameof(time));
                }
            }
        }

        if (segment.Length != n)
        {
            throw new ArgumentException($"segment has {segment.Length} values for {n} bars.", nameof(segment));
        }

        for (int i = 1; i < n; i++)
        {
            if (time[i] <= time[i - 1])
            {
                throw new ArgumentException($"Bar {i}: time {time[i]:O} is not after bar {i - 1}'s.", nameof(time));
            }
        }

        return new PairMarket(time.ToArray(), a, b, segment.ToArray());
    }

    /// <summary>Bar t as the position machine sees it.</summary>
    internal TradingBar Bar(int t) => new(t, TimeArray[t], A[0][t], A[3][t], B[0][t], B[3][t], SegmentArray[t]);

    internal PairMarket With(double[][] a, double[][] b) => new(TimeArray, a, b, SegmentArray, DayEnds);

    private static int[] LastBarOfEachDay(DateTime[] time)
    {
        var ends = new List<int>();
        for (int t = 0; t < time.Length; t++)
        {
            if (t + 1 == time.Length || time[t + 1].Date != time[t].Date)
            {
                ends.Add(t);
            }
        }

        return [.. ends];
    }
}
