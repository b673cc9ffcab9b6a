namespace Alpha.Signals;

/// <summary>What the position machine reads of a bar's features: readiness, z, speed and the hedge fit an entry holds.</summary>
/// <param name="Ready">Whether every model input is ready (a bar that is not never enters).</param>
/// <param name="Z">The spread's z-score.</param>
/// <param name="Speed">EMA of |Δz|.</param>
/// <param name="Alpha">The hedge regression's intercept α.</param>
/// <param name="Beta">Its slope β.</param>
/// <param name="Sigma">Its residual standard deviation σ (positive when ready).</param>
public readonly record struct SpreadPoint(bool Ready, double Z, double Speed, double Alpha, double Beta, double Sigma);
