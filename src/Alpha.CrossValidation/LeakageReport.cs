using System.Collections.Immutable;
using System.Runtime.InteropServices;

namespace Alpha.CrossValidation;

/// <summary>
/// An audit of any fold set against the purge/embargo rule: per fold, how many samples were purged, embargoed or
/// left unused, and how many training samples still leak into a test span. Works on folds from any splitter
/// (or hand-made ones): the test spans are re-derived from the test indices, one per contiguous run.
/// </summary>
public sealed class LeakageReport
{
    private LeakageReport(ImmutableArray<FoldLeakage> folds) => Folds = folds;

    /// <summary>One entry per fold, in the order given.</summary>
    public ImmutableArray<FoldLeakage> Folds { get; }

    /// <summary>Whether no fold has a leaking training sample.</summary>
    public bool IsLeakFree
    {
        get
        {
            foreach (FoldLeakage fold in Folds)
            {
                if (fold.Leaks > 0)
                {
                    return false;
                }
            }

            return true;
        }
    }

    /// <summary>Audits <paramref name="folds"/> of <paramref name="events"/> with the given purge and embargo (bars).</summary>
    /// <exception cref="ArgumentException">A fold has an index outside the events, or a sample in both its training and test sets.</exception>
    public static LeakageReport Create(LabelEvents events, IEnumerable<Fold> folds, int purgeBars, int embargoBars)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(folds);
        ArgumentOutOfRangeException.ThrowIfNegative(purgeBars);
        ArgumentOutOfRangeException.ThrowIfNegative(embargoBars);

        var result = new List<FoldLeakage>();
        var role = new byte[events.Count];
        foreach (Fold fold in folds)
        {
            result.Add(Audit(events, fold, role, purgeBars, embargoBars));
        }

        return new LeakageReport([.. result]);
    }

    private const byte None = 0, Train = 1, Test = 2;

    private static FoldLeakage Audit(LabelEvents events, Fold fold, byte[] role, int purgeBars, int embargoBars)
    {
        Array.Clear(role);
        Mark(role, fold.Train, Train, fold.Index);
        Mark(role, fold.Test, Test, fold.Index);
        TestSpan[] spans = SpansOf(events, fold.Test);

        ReadOnlySpan<int> t0 = events.T0;
        ReadOnlySpan<int> t1 = events.T1;
        int purged = 0, embargoed = 0, unused = 0, leaks = 0;
        for (int i = 0; i < role.Length; i++)
        {
            if (role[i] == Test)
            {
                continue;
            }

            bool overlaps = false, excluded = false;
            foreach (TestSpan span in spans)
            {
                overlaps |= Purging.Overlaps(span, t0[i], t1[i], purgeBars);
                excluded |= Purging.Excludes(span, t0[i], t1[i], purgeBars, embargoBars);
            }

            if (role[i] == Train)
            {
                leaks += excluded ? 1 : 0;
            }
            else if (overlaps)
            {
                purged++;
            }
            else if (excluded)
            {
                embargoed++;
            }
            else
            {
                unused++;
            }
        }

        return new FoldLeakage(fold.Index, fold.Train.Length, fold.Test.Length, ImmutableCollectionsMarshal.AsImmutableArray(spans), purged, embargoed, unused, leaks);
    }

    private static void Mark(byte[] role, ImmutableArray<int> indices, byte value, int foldIndex)
    {
        foreach (int i in indices)
        {
            if ((uint)i >= (uint)role.Length)
            {
                throw new ArgumentException($"Fold {foldIndex}: sample index {i} is outside the {role.Length} events.", nameof(indices));
            }

            if (role[i] != None)
            {
                throw new ArgumentException($"Fold {foldIndex}: sample {i} is in both the training and the test set.", nameof(indices));
            }

            role[i] = value;
        }
    }

    private static TestSpan[] SpansOf(LabelEvents events, ImmutableArray<int> test)
    {
        int[] sorted = [.. test];
        Array.Sort(sorted);
        var spans = new List<TestSpan>();
        int runStart = 0;
        for (int j = 1; j <= sorted.Length; j++)
        {
            if (j == sorted.Length || sorted[j] != sorted[j - 1] + 1)
            {
                spans.Add(Purging.SpanOf(events, sorted[runStart], sorted[j - 1] + 1));
                runStart = j;
            }
        }

        return [.. spans];
    }
}
