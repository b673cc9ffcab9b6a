namespace Alpha.Calibration;

/// <summary>Settings of <see cref="IsotonicRegression"/>, with scikit-learn's names and defaults.</summary>
public sealed record IsotonicRegressionOptions
{
    /// <summary>The monotonicity constraint.</summary>
    /// <value>The default is <see cref="IsotonicDirection.Increasing"/>.</value>
    public IsotonicDirection Direction { get; init; } = IsotonicDirection.Increasing;

    /// <summary>Lower bound on the fitted values; <see langword="null"/> for none.</summary>
    /// <value>The default is <see langword="null"/>.</value>
    public double? YMin { get; init; }

    /// <summary>Upper bound on the fitted values; <see langword="null"/> for none.</summary>
    /// <value>The default is <see langword="null"/>.</value>
    public double? YMax { get; init; }

    /// <summary>Prediction outside the fitted x range.</summary>
    /// <value>The default is <see cref="Calibration.OutOfBounds.Nan"/>.</value>
    public OutOfBounds OutOfBounds { get; init; } = OutOfBounds.Nan;

    internal void Validate()
    {
        if (YMin is double min && double.IsNaN(min))
        {
            throw new ArgumentOutOfRangeException(nameof(YMin), min, "YMin must not be NaN.");
        }

        if (YMax is double max && double.IsNaN(max))
        {
            throw new ArgumentOutOfRangeException(nameof(YMax), max, "YMax must not be NaN.");
        }

        if (YMin is double lo && YMax is double hi && lo > hi)
        {
            throw new ArgumentOutOfRangeException(nameof(YMax), hi, $"YMax ({hi}) is below YMin ({lo}).");
        }

        if (!Enum.IsDefined(OutOfBounds))
        {
            throw new ArgumentOutOfRangeException(nameof(OutOfBounds), OutOfBounds, "Unknown out-of-bounds mode.");
        }

        if (!Enum.IsDefined(Direction))
        {
            throw new ArgumentOutOfRangeException(nameof(Direction), Direction, "Unknown direction.");
        }
    }
}
