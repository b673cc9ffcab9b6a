namespace Alpha.Boosting;

/// <summary>The header and trees of a LightGBM text model, as parsed.</summary>
internal sealed record LightGbmModelParts(
    int FeatureCount,
    int TreesPerIteration,
    string Objective,
    OutputTransform Transform,
    double Sigmoid,
    bool AverageOutput,
    IReadOnlyList<LightGbmTree> Trees);
