using System.Collections.Immutable;

namespace Alpha.Inference;

/// <summary>A model's prediction for one feature row.</summary>
/// <param name="ModelId">The catalogue model id.</param>
/// <param name="ModelVersion">The version that predicted.</param>
/// <param name="Input">The model input prepared from the features (e.g. scaled as at training).</param>
/// <param name="Outputs">The kind's post-processed outputs (pair-gbdt: calibrated return_prob, risk_score).</param>
/// <param name="Trading">For a trading kind: θ1, θ2 and whether the row passes both model gates (<see cref="Signals.DecisionRule.Enters"/>); null for a prediction-only kind.</param>
public sealed record FeaturePrediction(string ModelId, string ModelVersion, ImmutableArray<double> Input, ImmutableArray<double> Outputs, GateDecision? Trading);
