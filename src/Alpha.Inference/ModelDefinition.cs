using System.Collections.Immutable;

namespace Alpha.Inference;

/// <summary>One entry of the model catalogue (<c>configs/models/{model_id}.yaml</c>, DESIGN.md § 6 "Inference").</summary>
/// <param name="ModelId">The model id: the file name without <c>.yaml</c>, and the registry scope.</param>
/// <param name="Kind">The predictor kind that serves it (<c>pair-gbdt</c>, or a kind registered through DI).</param>
/// <param name="PairId">The pair's id.</param>
/// <param name="LegA">Leg A's symbol.</param>
/// <param name="LegB">Leg B's symbol.</param>
/// <param name="Timeframe">The bar timeframe.</param>
/// <param name="Version">A registry version, or <see cref="Deployed"/> for the model id's deployed pointer.</param>
/// <param name="Overrides">Numeric settings the kind allows a catalogue entry to override (e.g. <c>theta1</c>), by key.</param>
/// <param name="File">The catalogue file it came from.</param>
public sealed record ModelDefinition(
    string ModelId,
    string Kind,
    string PairId,
    string LegA,
    string LegB,
    TimeSpan Timeframe,
    string Version,
    ImmutableSortedDictionary<string, double> Overrides,
    string File)
{
    /// <summary>The version value meaning "the model id's deployed version".</summary>
    public const string Deployed = "deployed";

    /// <summary>The shard of an entry whose file does not name one.</summary>
    public const string DefaultShard = "main";

    /// <summary>The shard that serves the entry (the file's optional key <c>shard</c>).</summary>
    /// <value>The default is <see cref="DefaultShard"/>.</value>
    public string Shard { get; init; } = DefaultShard;

    /// <summary>The override of <paramref name="key"/>, or <paramref name="fallback"/> when the entry does not set it.</summary>
    public double Override(string key, double fallback) => Overrides.TryGetValue(key, out double value) ? value : fallback;
}
