using System.Buffers;

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

        // Scratch from the shared pools: two key buffers, one index buffer and the digit counts.
        ulong[] bitsBuffer = ArrayPool<ulong>.Shared.Rent(2 * n);
        int[] indexBuffer = ArrayPool<int>.Shared.Rent(n);
        int[] countsBuffer = ArrayPool<int>.Shared.Rent(Passes * Buckets);
        try
        {
            Span<int> counts = countsBuffer.AsSpan(0, Passes * Buckets);
            counts.Clear();
            Span<ulong> sourceBits = bitsBuffer.AsSpan(0, n), targetBits = bitsBuffer.AsSpan(n, n);
            Span<int> source = order, target = indexBuffer.AsSpan(0, n);
            for (int i = 0; i < n; i++)
            {
                ulong b = Ordered(keys[order[i]]);
                sourceBits[i] = b;
                for (int p = 0; p < Passes; p++)
                {
                    counts[(p * Buckets) + Digit(b, p)]++;
                }
            }

            bool inOrder = true;        // whether `source` is the caller's array
            for (int p = 0; p < Passes; p++)
            {
                Span<int> next = counts.Slice(p * Buckets, Buckets);
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

                Span<ulong> bits = sourceBits;
                sourceBits = targetBits;
                targetBits = bits;
                Span<int> indices = source;
                source = target;
                target = indices;
                inOrder = !inOrder;
            }

            if (!inOrder)
            {
                source.CopyTo(order);
            }
        }
        finally
        {
            ArrayPool<ulong>.Shared.Return(bitsBuffer);
            ArrayPool<int>.Shared.Return(indexBuffer);
            ArrayPool<int>.Shared.Return(countsBuffer);
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
