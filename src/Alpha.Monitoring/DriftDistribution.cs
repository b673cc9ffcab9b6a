using System.Collections.Immutable;

namespace Alpha.Monitoring;

/// <summary>
/// A reference distribution frozen at training: one model input's (or calibrated score's) decile edges, how many
/// reference values fell in each bin, and its mean and standard deviation — what live values are compared with.
/// </summary>
/// <param name="Name">The input's name (a feature, <c>return_prob</c>, <c>risk_score</c>).</param>
/// <param name="Edges">The nine interior decile edges, ascending (<see cref="DecileEdges"/>).</param>
/// <param name="Counts">Reference values per bin (ten; ties can make them unequal).</param>
/// <param name="Mean">The reference mean.</param>
/// <param name="StandardDeviation">The reference standard deviation (population: divided by n).</param>
public sealed record DriftDistribution(string Name, ImmutableArray<double> Edges, ImmutableArray<int> Counts, double Mean, double StandardDeviation)
{
    /// <summary>The number of reference values.</summary>
    public int Count => Counts.Sum();

    /// <summary>The reference distribution of <paramref name="values"/>.</summary>
    /// <exception cref="ArgumentException">Fewer than two values, or a value is NaN or infinite.</exception>
    public static DriftDistribution Of(string name, ReadOnlySpan<double> values)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ImmutableArray<double> edges = DecileEdges.Of(values);
        double mean = 0;
        foreach (double v in values)
        {
            mean += v;
        }

        mean /= values.Length;
        double squares = 0;
        foreach (double v in values)
        {
            squares += (v - mean) * (v - mean);
        }

        return new DriftDistribution(name, edges, DecileEdges.Counts(edges.AsSpan(), values), mean, Math.Sqrt(squares / values.Length));
    }
}
