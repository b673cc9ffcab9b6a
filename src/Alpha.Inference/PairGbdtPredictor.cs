using Alpha.Boosting;
using Alpha.Calibration;
using Alpha.Features;

namespace Alpha.Inference;

/// <summary>A loaded <c>pair-gbdt</c> version: scaler → AI1, AI2 → calibrators.</summary>
internal sealed class PairGbdtPredictor(
    string version, FeatureSchema schema, BoostedTreeModel ai1, BoostedTreeModel ai2,
    IProbabilityCalibrator calibrator1, IProbabilityCalibrator calibrator2, TradingOutputs trading) : IPredictor
{
    public string ModelVersion => version;

    public int OutputCount => 2;

    public TradingOutputs? Trading => trading;

    public PairFeatureOptions FeatureWindows => schema.Windows;

    public void PrepareInput(ReadOnlySpan<double> features, Span<double> input) => schema.Scaler.TransformForBooster(features, input);

    public void Predict(ReadOnlySpan<double> input, Span<double> output)
    {
        output[0] = ai1.Predict(input);
        output[1] = ai2.Predict(input);
    }

    public void PostProcess(Span<double> output)
    {
        output[0] = calibrator1.Calibrate(output[0]);
        output[1] = calibrator2.Calibrate(output[1]);
    }
}
