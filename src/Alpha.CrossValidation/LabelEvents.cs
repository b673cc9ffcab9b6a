namespace Alpha.CrossValidation;

/// <summary>
/// The samples to split: one event per sample with its interval [t0, t1] of bar indices, t1 being the last bar
/// its label looks at. Samples are ordered by t0 (ties allowed); t1 may come in any order. Immutable and
/// validated once, so every splitter can trust it.
/// </summary>
public sealed class LabelEvents
{
    private readonly int[] _t0;
    private readonly int[] _t1;

    private LabelEvents(int[] t0, int[] t1, BarAxis axis)
    {
        _t0 = t0;
        _t1 = t1;
        Axis = axis;
        for (int i = 0; i < t0.Length; i++)
        {
            MaxLength = Math.Max(MaxLength, t1[i] - t0[i]);
        }
    }

    /// <summary>The bar axis the indices refer to.</summary>
    public BarAxis Axis { get; }

    /// <summary>Number of samples.</summary>
    public int Count => _t0.Length;

    /// <summary>Start bar of each sample, non-decreasing.</summary>
    public ReadOnlySpan<int> T0 => _t0;

    /// <summary>Last bar each sample's label looks at (≥ t0).</summary>
    public ReadOnlySpan<int> T1 => _t1;

    /// <summary>Events on an axis of <paramref name="barCount"/> bars without timestamps.</summary>
    /// <exception cref="InvalidEventsException">See <see cref="Create(ReadOnlySpan{int}, ReadOnlySpan{int}, BarAxis)"/>.</exception>
    public static LabelEvents Create(ReadOnlySpan<int> t0, ReadOnlySpan<int> t1, int barCount) =>
        Create(t0, t1, BarAxis.OfLength(barCount));

    /// <summary>Validates and copies the intervals (the caller's spans are not kept).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="axis"/> is null.</exception>
    /// <exception cref="InvalidEventsException">
    /// Lengths differ, or the first offending sample has a negative t0, t1 &lt; t0, t1 past the axis' last bar, or a
    /// t0 smaller than the previous sample's.
    /// </exception>
    public static LabelEvents Create(ReadOnlySpan<int> t0, ReadOnlySpan<int> t1, BarAxis axis)
    {
        ArgumentNullException.ThrowIfNull(axis);
        if (t0.Length != t1.Length)
        {
            throw new InvalidEventsException($"t0 has {t0.Length} samples but t1 has {t1.Length}.", -1, nameof(t1));
        }

        for (int i = 0; i < t0.Length; i++)
        {
            if (t0[i] < 0)
            {
                throw new InvalidEventsException($"Sample {i}: t0 = {t0[i]} is negative.", i, nameof(t0));
            }

            if (t1[i] < t0[i])
            {
                throw new InvalidEventsException($"Sample {i}: t1 = {t1[i]} is before t0 = {t0[i]}.", i, nameof(t1));
            }

            if (t1[i] >= axis.Length)
            {
                throw new InvalidEventsException($"Sample {i}: t1 = {t1[i]} is past the last bar {axis.Length - 1} of the axis.", i, nameof(t1));
            }

            if (i > 0 && t0[i] < t0[i - 1])
            {
                throw new InvalidEventsException($"Sample {i}: t0 = {t0[i]} is before the previous sample's t0 = {t0[i - 1]}; samples must be sorted by t0.", i, nameof(t0));
            }
        }

        return new LabelEvents(t0.ToArray(), t1.ToArray(), axis);
    }

    /// <summary>Point events (t1 = t0), e.g. one sample per bar with no look-ahead in its label.</summary>
    public static LabelEvents Points(ReadOnlySpan<int> t0, BarAxis axis) => Create(t0, t0, axis);

    /// <summary>One point event per bar of the axis: sample i is bar i.</summary>
    public static LabelEvents EveryBar(BarAxis axis)
    {
        ArgumentNullException.ThrowIfNull(axis);
        var bars = new int[axis.Length];
        for (int i = 0; i < bars.Length; i++)
        {
            bars[i] = i;
        }

        return new LabelEvents(bars, (int[])bars.Clone(), axis);
    }

    /// <summary>The longest label, max(t1 − t0) in bars: only samples starting that close before a span can reach it.</summary>
    internal int MaxLength { get; }

    /// <summary>Index of the first sample whose t0 is ≥ <paramref name="bar"/> (binary search; Count when none).</summary>
    internal int FirstWithT0AtLeast(int bar)
    {
        int lo = 0, hi = _t0.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (_t0[mid] < bar)
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
}
