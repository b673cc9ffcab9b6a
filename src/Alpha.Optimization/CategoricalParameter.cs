using System.Collections.Immutable;

namespace Alpha.Optimization;

/// <summary>A choice among named options; internally the chosen index.</summary>
/// <param name="Choices">The options (at least one, distinct).</param>
public sealed record CategoricalParameter(ImmutableArray<string> Choices) : ParameterDistribution
{
    /// <inheritdoc />
    public override bool Contains(double value) => value >= 0 && value < Choices.Length && value == Math.Round(value);

    internal override void Validate(string name)
    {
        if (Choices.IsDefaultOrEmpty || Choices.Distinct(StringComparer.Ordinal).Count() != Choices.Length)
        {
            throw new ArgumentException($"Parameter '{name}': a categorical parameter needs at least one choice, all distinct.");
        }
    }
}
