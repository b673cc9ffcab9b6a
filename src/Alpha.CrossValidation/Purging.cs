namespace Alpha.CrossValidation;

/// <summary>
/// The purge/embargo rule shared by every splitter. A sample is excluded from training by a test span
/// [s, e] when its interval meets the widened span [s − purge, e + purge] or its t0 lies in the embargo
/// (e + purge, e + purge + embargo]. Since t0 ≤ t1, both reduce to one test:
/// <c>t0 ≤ e + purge + embargo and t1 ≥ s − purge</c>. A label ending exactly at the (widened) test start is
/// therefore purged: the safe side of de Prado's two <c>getTrainTimes</c> snippets.
/// </summary>
internal static class Purging
{
    /// <summary>Whether <paramref name="span"/> excludes the sample [t0, t1] from training.</summary>
    public static bool Excludes(TestSpan span, int t0, int t1, int purgeBars, int embargoBars) =>
        (long)t0 <= (long)span.End + purgeBars + embargoBars && (long)t1 >= (long)span.Start - purgeBars;

    /// <summary>Whether the sample [t0, t1] meets the widened span (purged rather than embargoed).</summary>
    public static bool Overlaps(TestSpan span, int t0, int t1, int purgeBars) =>
        (long)t0 <= (long)span.End + purgeBars && (long)t1 >= (long)span.Start - purgeBars;

    /// <summary>
    /// The training samples among candidates [<paramref name="first"/>, <paramref name="end"/>) that no span
    /// excludes and that are not in the test block(s) themselves, ascending. Two passes (count, then fill) so the
    /// result is allocated once at its exact size.
    /// </summary>
    public static int[] Train(LabelEvents events, int first, int end, ReadOnlySpan<TestSpan> spans, int purgeBars, int embargoBars)
    {
        ReadOnlySpan<int> t0 = events.T0;
        ReadOnlySpan<int> t1 = events.T1;
        int count = 0;
        for (int i = first; i < end; i++)
        {
            if (!AnyExcludes(spans, t0[i], t1[i], purgeBars, embargoBars))
            {
                count++;
            }
        }

        var train = new int[count];
        int k = 0;
        for (int i = first; i < end && k < count; i++)
        {
            if (!AnyExcludes(spans, t0[i], t1[i], purgeBars, embargoBars))
            {
                train[k++] = i;
            }
        }

        return train;
    }

    /// <summary>The span [smallest t0, largest t1] of the contiguous samples [<paramref name="first"/>, <paramref name="end"/>).</summary>
    public static TestSpan SpanOf(LabelEvents events, int first, int end)
    {
        ReadOnlySpan<int> t1 = events.T1;
        int last = t1[first];
        for (int i = first + 1; i < end; i++)
        {
            last = Math.Max(last, t1[i]);
        }

        return new TestSpan(events.T0[first], last);
    }

    /// <summary>The samples [first, end) as an ascending index array.</summary>
    public static int[] Range(int first, int end)
    {
        var indices = new int[end - first];
        for (int i = 0; i < indices.Length; i++)
        {
            indices[i] = first + i;
        }

        return indices;
    }

    private static bool AnyExcludes(ReadOnlySpan<TestSpan> spans, int t0, int t1, int purgeBars, int embargoBars)
    {
        foreach (TestSpan span in spans)
        {
            if (Excludes(span, t0, t1, purgeBars, embargoBars))
            {
                return true;
            }
        }

        return false;
    }
}
