namespace Alpha.Calibration;

/// <summary>What <see cref="IsotonicRegression"/> predicts for x outside the fitted range [X_min, X_max] (scikit-learn's <c>out_of_bounds</c>).</summary>
public enum OutOfBounds
{
    /// <summary>NaN.</summary>
    Nan,

    /// <summary>The prediction at the nearest end of the range.</summary>
    Clip,

    /// <summary>An <see cref="ArgumentOutOfRangeException"/>.</summary>
    Raise,
}
