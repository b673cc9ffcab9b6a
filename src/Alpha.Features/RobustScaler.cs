using System.Collections.Immutable;
using System.Runtime.InteropServices;

namespace Alpha.Features;

/// <summary>
/// Median/MAD scaling fitted on a training window only: x′ = clip((x − median) / MAD, −clip, +clip), with the raw
/// MAD = median(|x − median|) (no 1.4826 factor). A feature whose MAD is 0 on the training window is scaled by 1
/// (as scikit-learn's scalers treat a zero scale). Immutable; <see cref="Transform"/> does not allocate.
/// </summary>
public sealed class RobustScaler
{
    private readonly double[] _median;
    private readonly double[] _scale;

    private RobustScaler(double[] median, double[] scale, double clip)
    {
        _median = median;
        _scale = scale;
        Clip = clip;
    }

    /// <summary>Per feature, the training median.</summary>
    public ImmutableArray<double> Medians => ImmutableCollectionsMarshal.AsImmutableArray(_median);

    /// <summary>Per feature, the divisor: the training MAD, or 1 where that is 0.</summary>
    public ImmutableArray<double> Scales => ImmutableCollectionsMarshal.AsImmutableArray(_scale);

    /// <summary>Scaled values are clipped to [−Clip, +Clip].</summary>
    public double Clip { get; }

    /// <summary>Number of features.</summary>
    public int Count => _median.Length;

    /// <summary>Fits on the model inputs of <paramref name="trainingBars"/> of <paramref name="frame"/> (every one must be a ready bar).</summary>
    /// <param name="frame">The batch features.</param>
    /// <param name="trainingBars">The training window's bars; nothing outside it is read.</param>
    /// <param name="clip">The clip bound; the default is 5.</param>
    /// <exception cref="ArgumentException">No training bar, or a bar whose features are not ready (named).</exception>
    public static RobustScaler Fit(FeatureFrame frame, ReadOnlySpan<int> trainingBars, double clip = 5.0)
    {
        ArgumentNullException.ThrowIfNull(frame);
        var columns = new double[FeatureNames.Count][];
        for (int f = 0; f < columns.Length; f++)
        {
            columns[f] = new double[trainingBars.Length];
        }

        for (int k = 0; k < trainingBars.Length; k++)
        {
            int bar = trainingBars[k];
            if ((uint)bar >= (uint)frame.Count || !frame.IsReady(bar))
            {
                throw new ArgumentException($"Training bar {bar} is outside the frame or its features are not ready.", nameof(trainingBars));
            }

            for (int f = 0; f < columns.Length; f++)
            {
                columns[f][k] = frame[(PairFeature)f][bar];
            }
        }

        return Fit(columns, clip);
    }

    /// <summary>Fits on training values given column by column (each column one feature).</summary>
    /// <exception cref="ArgumentException">No column, an empty column, or a non-finite value (named).</exception>
    public static RobustScaler Fit(IReadOnlyList<double[]> columns, double clip = 5.0)
    {
        ArgumentNullException.ThrowIfNull(columns);
        Guard.Finite(clip, nameof(clip));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(clip);
        if (columns.Count == 0)
        {
            throw new ArgumentException("At least one feature column is needed.", nameof(columns));
        }

        var median = new double[columns.Count];
        var scale = new double[columns.Count];
        for (int f = 0; f < columns.Count; f++)
        {
            double[] values = [.. columns[f]];
            if (values.Length == 0)
            {
                throw new ArgumentException($"Feature column {f} has no training value.", nameof(columns));
            }

            for (int k = 0; k < values.Length; k++)
            {
                if (!double.IsFinite(values[k]))
                {
                    throw new ArgumentException($"Feature column {f}, training value {k} is {values[k]}.", nameof(columns));
                }
            }

            median[f] = OrderStatistics.Median(values);
            for (int k = 0; k < values.Length; k++)
            {
                values[k] = Math.Abs(values[k] - median[f]);
            }

            double mad = OrderStatistics.Median(values);
            scale[f] = mad == 0 ? 1.0 : mad;
        }

        return new RobustScaler(median, scale, clip);
    }

    /// <summary>Creates a scaler from stored parameters (e.g. feature_schema.json).</summary>
    /// <exception cref="ArgumentException">Lengths differ, or a value is not finite, or a scale is not positive.</exception>
    public static RobustScaler FromParameters(IReadOnlyList<double> medians, IReadOnlyList<double> scales, double clip)
    {
        ArgumentNullException.ThrowIfNull(medians);
        ArgumentNullException.ThrowIfNull(scales);
        Guard.Finite(clip, nameof(clip));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(clip);
        if (medians.Count != scales.Count || medians.Count == 0)
        {
            throw new ArgumentException($"{medians.Count} medians and {scales.Count} scales: they must be equal in number and non-empty.", nameof(scales));
        }

        for (int f = 0; f < medians.Count; f++)
        {
            Guard.Finite(medians[f], $"medians[{f}]");
            if (!double.IsFinite(scales[f]) || scales[f] <= 0)
            {
                throw new ArgumentException($"scales[{f}] is {scales[f]}; scales must be finite and positive.", nameof(scales));
            }
        }

        return new RobustScaler([.. medians], [.. scales], clip);
    }

    /// <summary>Scales <paramref name="raw"/> into <paramref name="scaled"/> (same length as the fitted features).</summary>
    /// <exception cref="ArgumentException">A length differs from <see cref="Count"/>, or a raw value is NaN or ±∞.</exception>
    public void Transform(ReadOnlySpan<double> raw, Span<double> scaled)
    {
        if (raw.Length != _median.Length || scaled.Length != _median.Length)
        {
            throw new ArgumentException($"The scaler was fitted on {_median.Length} features; got {raw.Length} in and {scaled.Length} out.", nameof(raw));
        }

        for (int f = 0; f < raw.Length; f++)
        {
            if (!double.IsFinite(raw[f]))
            {
                throw new ArgumentException($"Feature {f} is {raw[f]}; only ready (finite) features can be scaled.", nameof(raw));
            }

            scaled[f] = Math.Clamp((raw[f] - _median[f]) / _scale[f], -Clip, Clip);
        }
    }

    /// <summary>
    /// A bar's model inputs as the boosters see them: <see cref="Transform"/>, then each value rounded to float32
    /// (the boosters train on float32, so training and every scoring path round the same way).
    /// </summary>
    /// <exception cref="ArgumentException">As <see cref="Transform"/>.</exception>
    public void TransformForBooster(ReadOnlySpan<double> raw, Span<double> scaled)
    {
        Transform(raw, scaled);
        for (int f = 0; f < scaled.Length; f++)
        {
            scaled[f] = (float)scaled[f];
        }
    }
}
