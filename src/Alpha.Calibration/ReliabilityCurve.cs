using System.Collections.Immutable;

namespace Alpha.Calibration;

/// <summary>
/// Points of a reliability diagram, one per non-empty bin in ascending order: the mean predicted probability and
/// the observed fraction of positives in the bin (scikit-learn's <c>prob_pred</c>, <c>prob_true</c>), and the
/// number of samples in it.
/// </summary>
/// <param name="MeanPredicted">Mean probability per non-empty bin.</param>
/// <param name="FractionOfPositives">Share of label 1 per non-empty bin.</param>
/// <param name="Counts">Samples per non-empty bin.</param>
public sealed record ReliabilityCurve(ImmutableArray<double> MeanPredicted, ImmutableArray<double> FractionOfPositives, ImmutableArray<int> Counts);
