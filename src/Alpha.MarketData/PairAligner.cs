using System.Collections.Immutable;
using System.Runtime.InteropServices;

namespace Alpha.MarketData;

/// <summary>
/// Aligns two legs as DESIGN.md § 5 defines it. Over the common period [later first bar, earlier last bar] the
/// axis is the union of both legs' timestamps (a time where neither trades is a closure the windows run across).
/// Each run of union bars missing in one leg is classified once: at most
/// <see cref="PairAlignmentOptions.MaxFillBars"/> bars with an earlier bar of that leg are forward-filled and
/// flagged (O = H = L = C = the leg's last close on the final axis, volume 0); other runs of at most
/// <see cref="PairAlignmentOptions.MaxGapBars"/> are closures (dropped for both legs); longer runs split the series
/// into segments: their bars stay on the axis, forward-filled and flagged, but belong to no segment (segment −1),
/// so no window or label reaches across them. Returns beyond <see cref="PairAlignmentOptions.OutlierSigmas"/> standard
/// deviations of the previous returns in the segment are flagged (strict mode quarantines the segment). Nothing
/// is silently dropped or altered: every count is in the <see cref="DataQualityReport"/>.
/// </summary>
public static class PairAligner
{
    private enum Action : byte
    {
        Keep,
        FillA,
        FillB,
        Closure,
        Split,
    }

    /// <summary>Aligns leg <paramref name="a"/> with leg <paramref name="b"/>.</summary>
    /// <exception cref="ArgumentException">The legs do not overlap in time, or fewer than two union bars remain.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public static AlignedPair Align(BarSeries a, BarSeries b, PairAlignmentOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        options ??= new PairAlignmentOptions();
        options.Validate();
        if (a.Count == 0 || b.Count == 0)
        {
            throw new ArgumentException($"{(a.Count == 0 ? a.Symbol : b.Symbol)} has no bars.", a.Count == 0 ? nameof(a) : nameof(b));
        }

        DateTime start = Max(a.Time[0], b.Time[0]);
        DateTime end = Min(a.Time[^1], b.Time[^1]);
        if (start > end)
        {
            throw new ArgumentException($"{a.Symbol} ({a.Time[0]:O} – {a.Time[^1]:O}) and {b.Symbol} ({b.Time[0]:O} – {b.Time[^1]:O}) do not overlap.", nameof(b));
        }

        (List<DateTime> union, List<int> ia, List<int> ib, int common) = Union(a, b, start, end);
        if (union.Count < 2)
        {
            throw new ArgumentException($"{a.Symbol} and {b.Symbol} share fewer than two bars of common period.", nameof(b));
        }

        TimeSpan timeframe = options.Timeframe ?? Timeframes.ModalStep(union);
        int maxGap = options.MaxGapBars ?? Math.Max(Timeframes.BarsPerDay(timeframe), options.MaxFillBars);
        var actions = new Action[union.Count];
        var counts = new GapCounts();
        Classify(ia, actions, Action.FillA, options.MaxFillBars, maxGap, ref counts);
        Classify(ib, actions, Action.FillB, options.MaxFillBars, maxGap, ref counts);

        return Build(a, b, options, union, ia, ib, actions, common, timeframe, maxGap, counts);
    }

    private struct GapCounts
    {
        public int ClosureRuns;
        public int ClosureBars;
        public int SplitBars;
    }

    private static (List<DateTime> Union, List<int> Ia, List<int> Ib, int Common) Union(BarSeries a, BarSeries b, DateTime start, DateTime end)
    {
        var union = new List<DateTime>(a.Count + b.Count);
        var ia = new List<int>(a.Count + b.Count);
        var ib = new List<int>(a.Count + b.Count);
        int i = LowerBound(a.Time, start), j = LowerBound(b.Time, start), common = 0;
        while ((i < a.Count && a.Time[i] <= end) || (j < b.Count && b.Time[j] <= end))
        {
            DateTime ta = i < a.Count && a.Time[i] <= end ? a.Time[i] : DateTime.MaxValue;
            DateTime tb = j < b.Count && b.Time[j] <= end ? b.Time[j] : DateTime.MaxValue;
            DateTime t = Min(ta, tb);
            union.Add(t);
            ia.Add(ta == t ? i++ : -1);
            ib.Add(tb == t ? j++ : -1);
            common += ta == tb ? 1 : 0;
        }

        return (union, ia, ib, common);
    }

    // Runs of one leg's missing union bars: fill, closure, or split.
    private static void Classify(List<int> legIndex, Action[] actions, Action fill, int maxFill, int maxGap, ref GapCounts counts)
    {
        for (int s = 0; s < legIndex.Count; s++)
        {
            if (legIndex[s] >= 0)
            {
                continue;
            }

            int e = s;
            while (e + 1 < legIndex.Count && legIndex[e + 1] < 0)
            {
                e++;
            }

            int length = e - s + 1;
            Action action = length <= maxFill && s > 0 ? fill : length <= maxGap ? Action.Closure : Action.Split;
            if (action == Action.Closure)
            {
                counts.ClosureRuns++;
                counts.ClosureBars += length;
            }
            else if (action == Action.Split)
            {
                counts.SplitBars += length;
            }

            for (int k = s; k <= e; k++)
            {
                actions[k] = action;
            }

            s = e;
        }
    }

    private static AlignedPair Build(BarSeries a, BarSeries b, PairAlignmentOptions options, List<DateTime> union, List<int> ia, List<int> ib, Action[] actions, int common, TimeSpan timeframe, int maxGap, GapCounts counts)
    {
        var time = new List<DateTime>(union.Count);
        var legA = new[] { new List<double>(union.Count), new List<double>(union.Count), new List<double>(union.Count), new List<double>(union.Count) };
        var legB = new[] { new List<double>(union.Count), new List<double>(union.Count), new List<double>(union.Count), new List<double>(union.Count) };
        var filledA = new List<bool>(union.Count);
        var filledB = new List<bool>(union.Count);
        var segment = new List<int>(union.Count);
        var segmentStarts = new List<int>();
        double lastA = double.NaN, lastB = double.NaN;
        bool inSegment = false;
        for (int u = 0; u < union.Count; u++)
        {
            Action action = actions[u];

            // A fill (or a split bar) with no earlier close on the final axis (everything before was dropped) is a closure.
            bool aMissing = ia[u] < 0, bMissing = ib[u] < 0;
            if (action == Action.Closure || (aMissing && double.IsNaN(lastA)) || (bMissing && double.IsNaN(lastB)))
            {
                continue;
            }

            // Split bars stay on the axis, forward-filled and flagged, in no segment: windows and labels stop before them.
            bool split = action == Action.Split;
            if (split)
            {
                inSegment = false;
            }
            else if (!inSegment)
            {
                inSegment = true;
                segmentStarts.Add(time.Count);
            }

            time.Add(union[u]);
            segment.Add(split ? -1 : segmentStarts.Count - 1);
            lastA = AppendLeg(legA, a, ia[u], aMissing, lastA);
            lastB = AppendLeg(legB, b, ib[u], bMissing, lastB);
            filledA.Add(aMissing);
            filledB.Add(bMissing);
        }

        double[][] aCols = [.. legA.Select(c => c.ToArray())];
        double[][] bCols = [.. legB.Select(c => c.ToArray())];
        int[] segmentOf = [.. segment];
        SegmentRange[] ranges = Ranges(segmentOf, segmentStarts.Count);
        bool[] outlierA = Outliers(aCols[3], ranges, options);
        bool[] outlierB = Outliers(bCols[3], ranges, options);
        var quarantined = new bool[ranges.Length];
        if (options.OutlierMode == ValidationMode.Strict)
        {
            for (int s = 0; s < quarantined.Length; s++)
            {
                for (int k = ranges[s].Start; k < ranges[s].End; k++)
                {
                    quarantined[s] |= outlierA[k] || outlierB[k];
                }
            }
        }

        var report = new DataQualityReport(
            a.Symbol, b.Symbol, a.Count, b.Count, a.Issues.Length, b.Issues.Length, union.Count, common,
            filledA.Count(f => f), filledB.Count(f => f), counts.ClosureRuns, counts.ClosureBars, counts.SplitBars,
            ranges.Length, outlierA.Count(o => o), outlierB.Count(o => o), quarantined.Count(q => q), time.Count,
            time.Count > 0 ? time[0] : default, time.Count > 0 ? time[^1] : default, timeframe, maxGap);
        return new AlignedPair([.. time], aCols, bCols, [.. filledA], [.. filledB], outlierA, outlierB, segmentOf, ImmutableCollectionsMarshal.AsImmutableArray(ranges), ImmutableCollectionsMarshal.AsImmutableArray(quarantined), report);
    }

    private static SegmentRange[] Ranges(int[] segmentOf, int count)
    {
        var ranges = new SegmentRange[count];
        for (int k = 0; k < segmentOf.Length; k++)
        {
            int s = segmentOf[k];
            if (s >= 0)
            {
                ranges[s] = ranges[s].End == 0 ? new SegmentRange(k, k + 1) : ranges[s] with { End = k + 1 };
            }
        }

        return ranges;
    }

    private static double AppendLeg(List<double>[] columns, BarSeries leg, int index, bool fill, double lastClose)
    {
        if (fill)
        {
            foreach (List<double> column in columns)
            {
                column.Add(lastClose);
            }

            return lastClose;
        }

        columns[0].Add(leg.Open[index]);
        columns[1].Add(leg.High[index]);
        columns[2].Add(leg.Low[index]);
        columns[3].Add(leg.Close[index]);
        return leg.Close[index];
    }

    // |Δ log close| > sigmas · sd(previous `window` returns of the segment, ddof 1); rolling sums of the returns.
    private static bool[] Outliers(double[] close, SegmentRange[] segments, PairAlignmentOptions options)
    {
        var flags = new bool[close.Length];
        int window = options.OutlierWindow;
        var returns = new double[window];
        foreach (SegmentRange segment in segments)
        {
            double sum = 0, sumSquares = 0;
            int seen = 0;
            for (int k = segment.Start + 1; k < segment.End; k++)
            {
                double r = Math.Log(close[k] / close[k - 1]);
                if (seen >= window)
                {
                    double mean = sum / window;
                    double variance = Math.Max(0, (sumSquares - (window * mean * mean)) / (window - 1));
                    flags[k] = Math.Abs(r) > options.OutlierSigmas * Math.Sqrt(variance);
                    double old = returns[seen % window];
                    sum -= old;
                    sumSquares -= old * old;
                }

                returns[seen % window] = r;
                sum += r;
                sumSquares += r * r;
                seen++;
            }
        }

        return flags;
    }

    private static int LowerBound(ReadOnlySpan<DateTime> times, DateTime value)
    {
        int lo = 0, hi = times.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (times[mid] < value)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    private static DateTime Max(DateTime x, DateTime y) => x > y ? x : y;

    private static DateTime Min(DateTime x, DateTime y) => x < y ? x : y;
}
