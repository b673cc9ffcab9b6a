// A custom predictor kind, the sample of docs/inference.md: one class, registered with
// services.AddPredictorKind<ZScoreLogisticKind>(), served by any catalogue file that says `kind: zscore-logistic`.
// return_prob = logistic(intercept + slope · |z|), risk_score = min(1, atr_ratio / risk_atr_ratio); θ and the trading
// rules come from the version's params.yaml, the coefficients from the catalogue's overrides. Compiled and tested by
// tests/Alpha.Inference.Tests (CustomKindTests).
using System.Collections.Immutable;
using Alpha.Features;
using Alpha.Inference;
using Alpha.Registry;
using Alpha.Signals;

namespace Alpha.Samples;

/// <summary>A trading kind without boosters: a logistic curve of |z|, and a risk score from the ATR ratio.</summary>
public sealed class ZScoreLogisticKind : IPredictorKind
{
    public string Name => "zscore-logistic";

    public ImmutableSortedDictionary<string, (double Min, double Max)> AllowedOverrides { get; } = ImmutableSortedDictionary.CreateRange(
        new Dictionary<string, (double, double)> { ["intercept"] = (-20, 20), ["slope"] = (-20, 20), ["risk_atr_ratio"] = (0.1, 10) });

    public IPredictor Load(ModelDefinition definition, VerifiedVersion version)
    {
        DecisionParameters p = DecisionParameters.Read(version.Folder);
        var rules = new TradingRules { EntryZ = p.EntryZ, EntryMaxZ = p.EntryMaxZ, MaxSpeed = p.MaxSpeed, ExitZ = p.ExitZ, StopZ = p.StopZ, MaxHoldingBars = p.MaxHoldingBars };
        return new Predictor(
            version.Verification.Version, new TradingOutputs(p.Theta1, p.Theta2, rules),
            definition.Override("intercept", -4), definition.Override("slope", 2), definition.Override("risk_atr_ratio", 3));
    }

    private sealed class Predictor(string version, TradingOutputs trading, double intercept, double slope, double riskAtrRatio) : IPredictor
    {
        public string ModelVersion => version;

        public int OutputCount => 2;

        public PairFeatureOptions FeatureWindows { get; } = new();

        public TradingOutputs? Trading => trading;

        public void PrepareInput(ReadOnlySpan<double> features, Span<double> input) => features.CopyTo(input);

        public void Predict(ReadOnlySpan<double> input, Span<double> output)
        {
            output[0] = intercept + (slope * Math.Abs(input[(int)PairFeature.Z]));
            output[1] = input[(int)PairFeature.AtrRatio] / riskAtrRatio;
        }

        public void PostProcess(Span<double> output)
        {
            output[0] = 1 / (1 + Math.Exp(-output[0]));
            output[1] = Math.Clamp(output[1], 0, 1);
        }
    }
}
