using Alpha.CrossValidation;
using Alpha.Features;
using Alpha.Labeling;

namespace Alpha.Training;

/// <summary>One fold's training inputs, all derived from its training bars: labels, scaler, samples and weights.</summary>
internal sealed record FoldPlan(
    Fold Fold,
    int[] TrainingBars,
    RiskLabels Risk,
    ReversionLabels Reversion,
    RobustScaler Scaler,
    LabeledEvent[] Ai1Train,
    LabeledEvent[] Ai1Test,
    double[] Ai1Weights,
    LabeledEvent[] Ai2Train,
    LabeledEvent[] Ai2Test,
    double[] Ai2Weights);
