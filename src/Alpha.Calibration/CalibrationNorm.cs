namespace Alpha.Calibration;

/// <summary>How <see cref="ExpectedCalibrationError"/> combines the per-bin gaps |accuracy − confidence|.</summary>
public enum CalibrationNorm
{
    /// <summary>Σ gap · share of samples (the expected calibration error, ECE).</summary>
    L1,

    /// <summary>√(Σ gap² · share of samples).</summary>
    L2,

    /// <summary>The largest gap over the bins (maximum calibration error, MCE).</summary>
    Max,
}
