namespace Alpha.Optimization;

/// <summary>
/// The values a parameter may take. Every value is kept internally as a double: the number itself, or a
/// categorical choice's index.
/// </summary>
public abstract record ParameterDistribution
{
    private protected ParameterDistribution()
    {
    }

    /// <summary>Whether <paramref name="value"/> (internal representation) is a value of this distribution.</summary>
    public abstract bool Contains(double value);

    internal abstract void Validate(string name);
}
