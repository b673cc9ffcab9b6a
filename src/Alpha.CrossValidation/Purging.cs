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
    public static bool Excludes(TestSpan span, int t0, int t1, int purgeBars, int embargoBars) => span.Excludes(t0, t1, purgeBars, embargoBars);

    /// <summary>Whether the sample [t0, t1] meets the widened span (purged rather than embargoed).</summary>
    public static bool Overlaps(TestSpan span, int t0, int t1, int purgeBars) =>
        (long)t0 <= (long)span.End + purgeBars && (long)t1 >= (long)span.Start - purgeBars;

    /// <summary>
    /// The training samples among candidates [<paramref name="first"/>, <paramref name="end"/>) that no span
    /// excludes, ascending. Only samples whose t0 lies in [start − purge − longest label, end + purge + embargo]
    /// of some span can be excluded; those windows are tested sample by sample and everything between them is
    /// copied as a run, so the cost is one sequential write of the result plus the windows.
    /// </summary>
    public static int[] Train(LabelEvents events, int first, int end, ReadOnlySpan<TestSpan> spans, int purgeBars, int embargoBars)
    {
        Span<(int From, int To)> windows = spans.Length <= 16 ? stackalloc (int, int)[spans.Length] : new (int, int)[spans.Length];
        int windowCount = Windows(events, first, end, spans, purgeBars, embargoBars, windows);
        windows = windows[..windowCount];

        int count = (end - first) - Excluded(events, windows, spans, purgeBars, embargoBars, null);
        var train = new int[count];
        Excluded(events, windows, spans, purgeBars, embargoBars, new Filler(train, first, end));
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

    // The candidate windows of sample indices, clipped to [first, end), sorted and merged.
    private static int Windows(LabelEvents events, int first, int end, ReadOnlySpan<TestSpan> spans, int purgeBars, int embargoBars, Span<(int From, int To)> windows)
    {
        int count = 0;
        foreach (TestSpan span in spans)
        {
            long lowBar = (long)span.Start - purgeBars - events.MaxLength;
            long highBar = (long)span.End + purgeBars + embargoBars + 1;
            int from = Math.Max(first, events.FirstWithT0AtLeast((int)Math.Clamp(lowBar, 0, int.MaxValue)));
            int to = Math.Min(end, events.FirstWithT0AtLeast((int)Math.Min(highBar, int.MaxValue)));
            if (from < to)
            {
                windows[count++] = (from, to);
            }
        }

        windows[..count].Sort();
        int merged = 0;
        for (int w = 0; w < count; w++)
        {
            if (merged > 0 && windows[w].From <= windows[merged - 1].To)
            {
                windows[merged - 1].To = Math.Max(windows[merged - 1].To, windows[w].To);
            }
            else
            {
                windows[merged++] = windows[w];
            }
        }

        return merged;
    }

    // Counts the excluded samples inside the windows; with a filler, also writes every kept sample in order.
    private static int Excluded(LabelEvents events, ReadOnlySpan<(int From, int To)> windows, ReadOnlySpan<TestSpan> spans, int purgeBars, int embargoBars, Filler? filler)
    {
        ReadOnlySpan<int> t0 = events.T0;
        ReadOnlySpan<int> t1 = events.T1;
        int excluded = 0;
        foreach ((int from, int to) in windows)
        {
            filler?.Run(from);
            for (int i = from; i < to; i++)
            {
                if (AnyExcludes(spans, t0[i], t1[i], purgeBars, embargoBars))
                {
                    excluded++;
                }
                else
                {
                    filler?.One(i);
                }
            }

            filler?.Skip(to);
        }

        filler?.Run(filler.End);
        return excluded;
    }

    // Writes kept sample indices: whole runs between windows, single samples inside them.
    private sealed class Filler(int[] target, int first, int end)
    {
        private int _next = first;
        private int _written;

        public int End => end;

        public void Run(int until)
        {
            for (int i = _next; i < until; i++)
            {
                target[_written++] = i;
            }

            _next = Math.Max(_next, until);
        }

        public void One(int i) => target[_written++] = i;

        public void Skip(int to) => _next = to;
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
