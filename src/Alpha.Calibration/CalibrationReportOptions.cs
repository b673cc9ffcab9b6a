namespace Alpha.Calibration;

/// <summary>Settings of <see cref="CalibrationReport"/>.</summary>
public sealed record CalibrationReportOptions
{
    /// <summary>
    /// The decision layer's probability clip: Brier and log loss are computed on probabilities clipped to
    /// [floor, 1 − floor], as the θ comparisons see them (DESIGN.md § 5). Zero disables the clip.
    /// </summary>
    /// <value>The default is 1e-6.</value>
    public double ProbabilityFloor { get; init; } = 1e-6;

    /// <summary>Equal-width bins of the expected and maximum calibration errors.</summary>
    /// <value>The default is 15 (torchmetrics' default).</value>
    public int CalibrationErrorBins { get; init; } = 15;

    /// <summary>Bins of the reliability curve.</summary>
    /// <value>The default is 10.</value>
    public int CurveBins { get; init; } = 10;

    /// <summary>Bin placement of the reliability curve.</summary>
    /// <value>The default is <see cref="BinningStrategy.Uniform"/>.</value>
    public BinningStrategy CurveStrategy { get; init; } = BinningStrategy.Uniform;

    internal void Validate()
    {
        Guard.Finite(ProbabilityFloor, nameof(ProbabilityFloor));
        ArgumentOutOfRangeException.ThrowIfNegative(ProbabilityFloor, nameof(ProbabilityFloor));
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(ProbabilityFloor, 0.5, nameof(ProbabilityFloor));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(CalibrationErrorBins, nameof(CalibrationErrorBins));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(CurveBins, nameof(CurveBins));
    }
}
