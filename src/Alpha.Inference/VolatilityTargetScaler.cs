using Alpha.Features;

namespace Alpha.Inference;

/// <summary>
/// Volatility targeting: scale = min(1, target / atr_spread), where atr_spread is the Wilder average of the spread's
/// absolute hedged return (a feature, per bar, in log-return units), floored at <see cref="MinScale"/>. A calmer spread
/// trades full size; a spread twice as volatile as the target trades half.
/// </summary>
public sealed class VolatilityTargetScaler : IPositionScaler
{
    /// <summary>Creates the scaler.</summary>
    /// <param name="targetAtrSpread">The per-bar spread volatility that trades full size (positive, finite).</param>
    /// <param name="minScale">The smallest scale, in (0, 1].</param>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of range.</exception>
    public VolatilityTargetScaler(double targetAtrSpread, double minScale = 0.1)
    {
        if (!(targetAtrSpread > 0 && double.IsFinite(targetAtrSpread)))
        {
            throw new ArgumentOutOfRangeException(nameof(targetAtrSpread), targetAtrSpread, "The target must be positive and finite.");
        }

        if (!(minScale > 0 && minScale <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(minScale), minScale, "The minimum scale must lie in (0, 1].");
        }

        TargetAtrSpread = targetAtrSpread;
        MinScale = minScale;
    }

    /// <summary>The target per-bar spread volatility.</summary>
    public double TargetAtrSpread { get; }

    /// <summary>The smallest scale.</summary>
    public double MinScale { get; }

    /// <inheritdoc/>
    public double Scale(ReadOnlySpan<double> features, double returnProb, double riskScore)
    {
        double atr = features[(int)PairFeature.AtrSpread];
        return atr > 0 ? Math.Clamp(TargetAtrSpread / atr, MinScale, 1.0) : 1.0;
    }
}
