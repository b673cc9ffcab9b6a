using System.Collections.Immutable;
using Alpha.Boosting;
using Alpha.Configuration;
using Alpha.Features;
using Alpha.Registry;

namespace Alpha.Inference;

/// <summary>
/// The built-in <c>direction-3class</c> kind (seed 001): a version of Alpha.Training's direction flow — one LightGBM
/// multiclass booster on the 17 pair features scaled by the version's own scaler — serving the probabilities that the
/// pair spread moves down, stays in range, or moves up over the version's horizon (in that order). A prediction, not a
/// trading signal: the API's <c>predict</c> serves it for a feature row; the worker serves trading kinds. No overrides.
/// </summary>
public sealed class DirectionKind : IPredictorKind
{
    /// <inheritdoc/>
    public string Name => DirectionParameters.KindName;

    /// <inheritdoc/>
    public ImmutableSortedDictionary<string, (double Min, double Max)> AllowedOverrides { get; } = ImmutableSortedDictionary<string, (double Min, double Max)>.Empty;

    /// <inheritdoc/>
    public IPredictor Load(ModelDefinition definition, VerifiedVersion version)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(version);
        string folder = version.Folder;
        DirectionParameters parameters;
        try
        {
            parameters = DirectionParameters.Read(folder);
        }
        catch (ConfigException e)
        {
            throw new InvalidDataException($"{version.Verification.Version} is not a {DirectionParameters.KindName} version: {e.Message}", e);
        }

        FeatureSchema schema = FeatureSchema.FromJson(File.ReadAllText(Path.Combine(folder, ModelFiles.FeatureSchema)));
        if (schema.Hash != parameters.FeatureSchemaHash)
        {
            throw new InvalidDataException($"{ModelFiles.DirectionParams} of {version.Verification.Version} names feature schema {parameters.FeatureSchemaHash}, but {ModelFiles.FeatureSchema} hashes to {schema.Hash}.");
        }

        var model = BoostedTreeModel.Load(Path.Combine(folder, ModelFiles.DirectionModel));
        if (model.OutputCount != 3 || model.FeatureCount != FeatureNames.Count)
        {
            throw new InvalidDataException($"{ModelFiles.DirectionModel} of {version.Verification.Version} has {model.OutputCount} outputs and {model.FeatureCount} features; a direction model has 3 and {FeatureNames.Count}.");
        }

        return new DirectionPredictor(version.Verification.Version, schema, model);
    }
}
