namespace Alpha.Monitoring;

/// <summary>The AUC of live AI1 scores on candidates labelled from later bars, against the out-of-fold AUC.</summary>
/// <param name="LiveAuc">ROC-AUC of the live calibrated AI1 probabilities against the labels (NaN when insufficient).</param>
/// <param name="OutOfFoldAuc">The version's out-of-fold AUC.</param>
/// <param name="Drop">Out-of-fold − live (NaN when insufficient).</param>
/// <param name="Labelled">Labelled live candidates.</param>
/// <param name="Positives">Of which labelled 1.</param>
/// <param name="Level">Insufficient below the minimum count or with one class only; Alert when the drop exceeds the threshold; else Ok.</param>
public sealed record AucResult(double LiveAuc, double OutOfFoldAuc, double Drop, int Labelled, int Positives, MonitorLevel Level);
