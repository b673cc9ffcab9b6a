namespace Alpha.Calibration;

/// <summary>The monotonicity constraint of <see cref="IsotonicRegression"/> (scikit-learn's <c>increasing</c>).</summary>
public enum IsotonicDirection
{
    /// <summary>Non-decreasing in x.</summary>
    Increasing,

    /// <summary>Non-increasing in x.</summary>
    Decreasing,

    /// <summary>Increasing when the Spearman correlation of x and y is ≥ 0 (NaN, for a constant x or y, counts as decreasing, as in scikit-learn).</summary>
    Auto,
}
