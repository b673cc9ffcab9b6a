using System.Collections.Immutable;
using Alpha.Registry;

namespace Alpha.Inference;

/// <summary>
/// A kind of model the catalogue can serve: its name (the catalogue's <c>kind</c>), the overrides it allows, and how
/// it loads a verified version into an <see cref="IPredictor"/>. Register one with
/// <see cref="InferenceServiceCollectionExtensions.AddPredictorKind{TKind}"/>.
/// </summary>
public interface IPredictorKind
{
    /// <summary>The kind's name as catalogue files write it (lowercase, e.g. <c>pair-gbdt</c>).</summary>
    string Name { get; }

    /// <summary>The catalogue keys under <c>overrides:</c> this kind accepts, each with its allowed range.</summary>
    ImmutableSortedDictionary<string, (double Min, double Max)> AllowedOverrides { get; }

    /// <summary>Loads a verified version for a catalogue entry (the load step of the predictor contract).</summary>
    /// <exception cref="InvalidDataException">A file of the version is malformed (named).</exception>
    IPredictor Load(ModelDefinition definition, VerifiedVersion version);
}
