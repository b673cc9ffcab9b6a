using Alpha.Features;

namespace Alpha.Inference;

/// <summary>
/// The predictor contract (DESIGN.md § 6 "Inference"): prepare the model input from a bar's 17 pair features,
/// predict, post-process. Called on the engine's hot path: implementations must not allocate.
/// </summary>
public interface IPredictor
{
    /// <summary>The model version it serves.</summary>
    string ModelVersion { get; }

    /// <summary>Number of values <see cref="Predict"/> writes.</summary>
    int OutputCount { get; }

    /// <summary>The feature windows its inputs are computed with (the version's <c>feature_schema.json</c> for pair-gbdt).</summary>
    PairFeatureOptions FeatureWindows { get; }

    /// <summary>What the outputs mean to a trading engine, or null for a prediction-only kind.</summary>
    TradingOutputs? Trading { get; }

    /// <summary>Writes the model input for a ready bar's features (e.g. scaled as at training) into <paramref name="input"/> (17 values).</summary>
    void PrepareInput(ReadOnlySpan<double> features, Span<double> input);

    /// <summary>Writes the raw model outputs for a prepared input.</summary>
    void Predict(ReadOnlySpan<double> input, Span<double> output);

    /// <summary>Turns raw outputs into the served values in place (e.g. calibrated probabilities).</summary>
    void PostProcess(Span<double> output);
}
