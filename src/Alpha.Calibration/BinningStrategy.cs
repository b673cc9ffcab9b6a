namespace Alpha.Calibration;

/// <summary>How <see cref="CalibrationCurve"/> places its bin edges (scikit-learn's <c>strategy</c>).</summary>
public enum BinningStrategy
{
    /// <summary>Equal-width bins over [0, 1].</summary>
    Uniform,

    /// <summary>Edges at the linear percentiles of the probabilities, so bins hold about as many samples each.</summary>
    Quantile,
}
