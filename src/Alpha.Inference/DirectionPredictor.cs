using Alpha.Boosting;
using Alpha.Features;

namespace Alpha.Inference;

/// <summary>A loaded <c>direction-3class</c> version: scaler → the multiclass booster's probabilities (down, range, up).</summary>
internal sealed class DirectionPredictor(string version, FeatureSchema schema, BoostedTreeModel model) : IPredictor
{
    public string ModelVersion => version;

    public int OutputCount => 3;

    public TradingOutputs? Trading => null;

    public PairFeatureOptions FeatureWindows => schema.Windows;

    public void PrepareInput(ReadOnlySpan<double> features, Span<double> input) => schema.Scaler.TransformForBooster(features, input);

    public void Predict(ReadOnlySpan<double> input, Span<double> output) => model.Predict(input, output[..3]);

    // The booster's softmax already gives probabilities that sum to 1.
    public void PostProcess(Span<double> output)
    {
    }
}
