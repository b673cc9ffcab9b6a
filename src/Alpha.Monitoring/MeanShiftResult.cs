namespace Alpha.Monitoring;

/// <summary>How far one input's live mean moved from its reference mean.</summary>
/// <param name="Name">The input.</param>
/// <param name="LiveMean">The live window's mean (NaN when insufficient).</param>
/// <param name="ReferenceMean">The reference mean.</param>
/// <param name="Shift">(live mean − reference mean) / reference standard deviation; NaN when insufficient, ±∞ for a constant reference that moved.</param>
/// <param name="LiveCount">Live values.</param>
/// <param name="Level">Insufficient below the minimum window; else |shift| against the warn and alert thresholds.</param>
public sealed record MeanShiftResult(string Name, double LiveMean, double ReferenceMean, double Shift, int LiveCount, MonitorLevel Level);
