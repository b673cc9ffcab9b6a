namespace Alpha.Calibration;

/// <summary>
/// A stable sort of indices by double keys: an LSD radix sort on the keys' order-preserving bit patterns, in O(n)
/// per 11-bit digit (digits every key shares are skipped). Equal keys keep their current order, as NumPy's
/// <c>kind="mergesort"</c> and <c>np.lexsort</c> do; −0.0 equals 0.0. Keys must not be NaN (callers validate).
/// </summary>
internal static class StableSort
{
    private const int DigitBits = 11;
    private const int Buckets = 1 << DigitBits;
    private const int Passes = (64 + DigitBits - 1) / DigitBits;
    private const ulong SignBit = 1UL << 63;

    /// <summary>Reorders <paramref name="order"/> (indices into <paramref name="keys"/>) by ascending key, stably.</summary>
    public static void ByKey(ReadOnlySpan<double> keys, int[] order)
    {
        int n = order.Length;
        if (n < 2)
        {
            return;
        }

        var bits = new ulong[n];
        var counts = new int[Passes * Buckets];
        for (int i = 0; i < n; i++)
        {
            ulong b = Ordered(keys[order[i]]);
            bits[i] = b;
            for (int p = 0; p < Passes; p++)
            {
                counts[(p * Buckets) + Digit(b, p)]++;
            }
        }

        ulong[] sourceBits = bits, targetBits = new ulong[n];
        int[] source = order, target = new int[n];
        for (int p = 0; p < Passes; p++)
        {
            Span<int> next = counts.AsSpan(p * Buckets, Buckets);
            if (next[Digit(sourceBits[0], p)] == n)
            {
                continue;       // every key has this digit: the pass would not move anything
            }

            for (int d = 0, start = 0; d < Buckets; d++)
            {
                (next[d], start) = (start, start + next[d]);
            }

            for (int i = 0; i < n; i++)
            {
                int at = next[Digit(sourceBits[i], p)]++;
                targetBits[at] = sourceBits[i];
                target[at] = source[i];
            }

            (sourceBits, targetBits) = (targetBits, sourceBits);
            (source, target) = (target, source);
        }

        if (!ReferenceEquals(source, order))
        {
            source.CopyTo(order, 0);
        }
    }

    private static int Digit(ulong bits, int pass) => (int)((bits >> (pass * DigitBits)) & (Buckets - 1));

    // Flips the sign bit of positives and every bit of negatives, so unsigned order is numeric order (+ 0.0 turns −0.0 into 0.0).
    private static ulong Ordered(double x)
    {
        ulong u = (ulong)BitConverter.DoubleToInt64Bits(x + 0.0);
        return (u & SignBit) != 0 ? ~u : u | SignBit;
    }
}
