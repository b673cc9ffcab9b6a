using System.Collections.Immutable;

namespace Alpha.Optimization;

/// <summary>The named parameters a study searches, in the order they were added. Immutable.</summary>
public sealed class SearchSpace
{
    private SearchSpace(ImmutableArray<KeyValuePair<string, ParameterDistribution>> parameters) => Parameters = parameters;

    /// <summary>An empty space (add parameters with <see cref="Add"/>).</summary>
    public static SearchSpace Empty { get; } = new([]);

    /// <summary>The parameters, in order.</summary>
    public ImmutableArray<KeyValuePair<string, ParameterDistribution>> Parameters { get; }

    /// <summary>Number of parameters.</summary>
    public int Count => Parameters.Length;

    /// <summary>A space with <paramref name="name"/> added.</summary>
    /// <exception cref="ArgumentException">A duplicate or empty name, or an invalid distribution (an inverted range, a bad step).</exception>
    public SearchSpace Add(string name, ParameterDistribution distribution)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(distribution);
        if (Parameters.Any(p => p.Key == name))
        {
            throw new ArgumentException($"Parameter '{name}' is already in the search space.", nameof(name));
        }

        distribution.Validate(name);
        return new SearchSpace(Parameters.Add(KeyValuePair.Create(name, distribution)));
    }

    /// <summary>The distribution of <paramref name="name"/>.</summary>
    /// <exception cref="KeyNotFoundException">No such parameter.</exception>
    public ParameterDistribution this[string name] =>
        Parameters.FirstOrDefault(p => p.Key == name).Value ?? throw new KeyNotFoundException($"Parameter '{name}' is not in the search space.");

    internal void EnsureNotEmpty()
    {
        if (Count == 0)
        {
            throw new InvalidOperationException("The search space is empty: add at least one parameter.");
        }
    }
}
