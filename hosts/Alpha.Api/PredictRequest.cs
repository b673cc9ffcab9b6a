namespace Alpha.Api;

/// <summary>
/// A prediction request: either <see cref="Features"/> (the 17 pair features, in feature_schema.json order) or
/// <see cref="Bars"/> (both legs' bars, oldest first, at the model's timeframe; at most 20,000 per leg).
/// </summary>
internal sealed record PredictRequest(IReadOnlyList<double>? Features, PredictBars? Bars);
