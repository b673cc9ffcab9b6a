using System.Globalization;
using Alpha.Features;

namespace Alpha.Labeling;

/// <summary>
/// A data-scale threshold (DESIGN.md § 5): either an absolute value (the seed's numbers) or a quantile of the
/// training window's values, fitted by the type-7 estimator on the training bars only.
/// </summary>
public sealed record Threshold
{
    private Threshold(double? value, double? quantile)
    {
        Value = value;
        Level = quantile;
    }

    /// <summary>The absolute value, or <see langword="null"/> for a quantile threshold.</summary>
    public double? Value { get; }

    /// <summary>The quantile level in [0, 1], or <see langword="null"/> for an absolute threshold.</summary>
    public double? Level { get; }

    /// <summary>An absolute threshold.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is NaN or ±∞.</exception>
    public static Threshold Absolute(double value)
    {
        Guard.Finite(value, nameof(value));
        return new Threshold(value, null);
    }

    /// <summary>The <paramref name="level"/>-quantile of the training window (e.g. 0.90).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="level"/> is outside [0, 1].</exception>
    public static Threshold Quantile(double level)
    {
        if (!(level >= 0 && level <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(level), level, "A quantile level must lie in [0, 1].");
        }

        return new Threshold(null, level);
    }

    /// <summary>
    /// The threshold's value for a training window: the absolute value, or the type-7 quantile of
    /// <paramref name="values"/> at <paramref name="trainingBars"/> (nothing outside them is read).
    /// </summary>
    /// <exception cref="ArgumentException">A quantile threshold with no training bar, or a training bar outside the values or not ready (NaN).</exception>
    public double Resolve(ReadOnlySpan<double> values, ReadOnlySpan<int> trainingBars, string feature)
    {
        if (Value is double value)
        {
            return value;
        }

        if (trainingBars.IsEmpty)
        {
            throw new ArgumentException($"The {feature} threshold is a quantile of the training window, but the window is empty.", nameof(trainingBars));
        }

        var window = new double[trainingBars.Length];
        for (int k = 0; k < window.Length; k++)
        {
            int bar = trainingBars[k];
            if ((uint)bar >= (uint)values.Length || double.IsNaN(values[bar]))
            {
                throw new ArgumentException($"Training bar {bar} has no ready {feature} value.", nameof(trainingBars));
            }

            window[k] = values[bar];
        }

        return Quantiles.Linear(window, Level!.Value);
    }

    /// <inheritdoc />
    public override string ToString() =>
        Value is double v ? v.ToString("R", CultureInfo.InvariantCulture) : $"q{Level!.Value.ToString("R", CultureInfo.InvariantCulture)}";
}
