using System.Collections.Immutable;

namespace Alpha.Monitoring;

/// <summary>
/// The nine interior decile edges of a sample — numpy's default (linear) quantiles at 0.1, 0.2, …, 0.9 — and the bin a
/// value falls in: bin 0 is (−∞, e₁], bin k is (eₖ, eₖ₊₁], bin 9 is (e₉, +∞) (numpy's <c>digitize(x, edges, right=True)</c>).
/// </summary>
public static class DecileEdges
{
    /// <summary>The number of bins: ten.</summary>
    public const int Bins = 10;

    /// <summary>The nine edges of <paramref name="values"/>.</summary>
    /// <exception cref="ArgumentException">Fewer than two values, or a value is NaN or infinite.</exception>
    public static ImmutableArray<double> Of(ReadOnlySpan<double> values)
    {
        if (values.Length < 2)
        {
            throw new ArgumentException($"Decile edges need at least 2 values, not {values.Length}.", nameof(values));
        }

        double[] sorted = values.ToArray();
        Finite.Check(sorted, nameof(values));
        Array.Sort(sorted);
        var edges = ImmutableArray.CreateBuilder<double>(Bins - 1);
        for (int k = 1; k < Bins; k++)
        {
            // numpy 'linear': h = (n − 1)·q, x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋ + 1] − x[⌊h⌋])
            double h = (sorted.Length - 1) * (k / (double)Bins);
            int low = (int)Math.Floor(h);
            double fraction = h - low;
            edges.Add(low + 1 < sorted.Length ? sorted[low] + (fraction * (sorted[low + 1] - sorted[low])) : sorted[low]);
        }

        return edges.MoveToImmutable();
    }

    /// <summary>The bin of <paramref name="value"/> among <paramref name="edges"/> (ascending): the number of edges strictly below it.</summary>
    public static int Bin(ReadOnlySpan<double> edges, double value)
    {
        int low = 0, high = edges.Length;
        while (low < high)
        {
            int mid = (low + high) >>> 1;
            if (edges[mid] < value)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }

        return low;
    }

    /// <summary>How many of <paramref name="values"/> fall in each of the <c>edges.Length + 1</c> bins.</summary>
    /// <exception cref="ArgumentException">A value is NaN or infinite.</exception>
    public static ImmutableArray<int> Counts(ReadOnlySpan<double> edges, ReadOnlySpan<double> values)
    {
        Finite.Check(values, nameof(values));
        int[] counts = new int[edges.Length + 1];
        foreach (double v in values)
        {
            counts[Bin(edges, v)]++;
        }

        return [.. counts];
    }
}
