namespace Alpha.Inference;

/// <summary>A constant position scale; 1 is full size, what the backtest trades.</summary>
public sealed class ConstantPositionScaler : IPositionScaler
{
    /// <summary>Creates the scaler.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="scale"/> is outside (0, 1].</exception>
    public ConstantPositionScaler(double scale = 1.0)
    {
        if (!(scale > 0 && scale <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(scale), scale, "The scale must lie in (0, 1].");
        }

        Value = scale;
    }

    /// <summary>Full size.</summary>
    public static ConstantPositionScaler Full { get; } = new();

    /// <summary>The scale.</summary>
    public double Value { get; }

    /// <inheritdoc/>
    public double Scale(ReadOnlySpan<double> features, double returnProb, double riskScore) => Value;
}
