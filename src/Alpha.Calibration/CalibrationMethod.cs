namespace Alpha.Calibration;

/// <summary>Which calibrator <see cref="OutOfFoldCalibration"/> fits.</summary>
public enum CalibrationMethod
{
    /// <summary><see cref="IsotonicCalibrator"/> (the production default, DESIGN.md § 5).</summary>
    Isotonic,

    /// <summary><see cref="SigmoidCalibrator"/> (Platt scaling).</summary>
    Sigmoid,
}
