namespace Alpha.Boosting;

/// <summary>An XGBoost model as parsed from JSON.</summary>
internal sealed record XGBoostModelParts(
    int FeatureCount,
    int OutputCount,
    string Objective,
    OutputTransform Transform,
    float BaseMargin,
    IReadOnlyList<XGBoostTree> Trees,
    IReadOnlyList<int> TreeGroups,
    IReadOnlyList<float> TreeWeights);
