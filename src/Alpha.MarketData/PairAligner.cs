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
/// is silently dropped or altered: every count is in the <see cref="DataQualityReport"/>. The bars are aligned by
/// <see cref="PairAlignmentState"/>, the incremental alignment the live engine runs, so batch = incremental by construction.
/// </summary>
public static class PairAligner
{
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

        (List<DateTime> union, int common) = Union(a, b, start, end);
        if (union.Count < 2)
        {
            throw new ArgumentException($"{a.Symbol} and {b.Symbol} share fewer than two bars of common period.", nameof(b));
        }

        TimeSpan timeframe = options.Timeframe ?? Timeframes.ModalStep(union);
        var state = new PairAlignmentState(a.Symbol, b.Symbol, timeframe, options);
        for (int i = 0; i < a.Count; i++)
        {
            state.Add(PairLeg.A, a[i]);
        }

        for (int i = 0; i < b.Count; i++)
        {
            state.Add(PairLeg.B, b[i]);
        }

        state.Complete();
        return Build(a, b, options, state, union.Count, common);
    }

    // The union axis of the common period (for the modal timeframe) and how many of its times both legs trade.
    private static (List<DateTime> Union, int Common) Union(BarSeries a, BarSeries b, DateTime start, DateTime end)
    {
        var union = new List<DateTime>(a.Count + b.Count);
        int i = LowerBound(a.Time, start), j = LowerBound(b.Time, start), common = 0;
        while ((i < a.Count && a.Time[i] <= end) || (j < b.Count && b.Time[j] <= end))
        {
            DateTime ta = i < a.Count && a.Time[i] <= end ? a.Time[i] : DateTime.MaxValue;
            DateTime tb = j < b.Count && b.Time[j] <= end ? b.Time[j] : DateTime.MaxValue;
            DateTime t = Min(ta, tb);
            union.Add(t);
            i += ta == t ? 1 : 0;
            j += tb == t ? 1 : 0;
            common += ta == tb ? 1 : 0;
        }

        return (union, common);
    }

    private static AlignedPair Build(BarSeries a, BarSeries b, PairAlignmentOptions options, PairAlignmentState state, int unionCount, int common)
    {
        int n = state.Emitted;
        var time = new DateTime[n];
        double[][] aCols = [new double[n], new double[n], new double[n], new double[n]];
        double[][] bCols = [new double[n], new double[n], new double[n], new double[n]];
        bool[] filledA = new bool[n], filledB = new bool[n], outlierA = new bool[n], outlierB = new bool[n];
        var segmentOf = new int[n];
        for (int k = 0; state.TryTake(out AlignedBar bar); k++)
        {
            time[k] = bar.Time;
            (aCols[0][k], aCols[1][k], aCols[2][k], aCols[3][k]) = (bar.OpenA, bar.HighA, bar.LowA, bar.CloseA);
            (bCols[0][k], bCols[1][k], bCols[2][k], bCols[3][k]) = (bar.OpenB, bar.HighB, bar.LowB, bar.CloseB);
            (filledA[k], filledB[k], outlierA[k], outlierB[k], segmentOf[k]) = (bar.FilledA, bar.FilledB, bar.OutlierA, bar.OutlierB, bar.Segment);
        }

        SegmentRange[] ranges = Ranges(segmentOf, state.Segments);
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
            a.Symbol, b.Symbol, a.Count, b.Count, a.Issues.Length, b.Issues.Length, unionCount, common,
            filledA.Count(f => f), filledB.Count(f => f), state.ClosureRuns, state.ClosureBars, state.SplitBars,
            ranges.Length, outlierA.Count(o => o), outlierB.Count(o => o), quarantined.Count(q => q), n,
            n > 0 ? time[0] : default, n > 0 ? time[^1] : default, state.Timeframe, state.MaxGapBars);
        return new AlignedPair(time, aCols, bCols, filledA, filledB, outlierA, outlierB, segmentOf, ImmutableCollectionsMarshal.AsImmutableArray(ranges), ImmutableCollectionsMarshal.AsImmutableArray(quarantined), report);
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
