namespace Alpha.Boosting.Training;

/// <summary>
/// Training or validation data for any booster: a dense row-major float32 matrix (NaN = missing), one label per row
/// and optional per-row weights. Validated on creation; the arrays are copied.
/// </summary>
public sealed class BoosterDataset
{
    private readonly float[] _features;
    private readonly float[] _labels;
    private readonly float[]? _weights;

    private BoosterDataset(float[] features, int columns, float[] labels, float[]? weights)
    {
        _features = features;
        Columns = columns;
        _labels = labels;
        _weights = weights;
    }

    /// <summary>Number of rows.</summary>
    public int Rows => _labels.Length;

    /// <summary>Number of feature columns.</summary>
    public int Columns { get; }

    /// <summary>Row-major features.</summary>
    public ReadOnlySpan<float> Features => _features;

    /// <summary>Labels, one per row.</summary>
    public ReadOnlySpan<float> Labels => _labels;

    /// <summary>Weights, one per row, or empty for none.</summary>
    public ReadOnlySpan<float> Weights => _weights;

    /// <summary>Whether the rows carry weights.</summary>
    public bool HasWeights => _weights is not null;

    /// <summary>Creates a dataset.</summary>
    /// <param name="features">Row-major features, rows × columns; NaN means missing, ±∞ is rejected.</param>
    /// <param name="columns">Number of columns.</param>
    /// <param name="labels">One finite label per row.</param>
    /// <param name="weights">Optional finite, non-negative weights (empty for none).</param>
    /// <exception cref="ArgumentException">A length does not match, or a value is invalid (named with its row).</exception>
    public static BoosterDataset Create(ReadOnlySpan<float> features, int columns, ReadOnlySpan<float> labels, ReadOnlySpan<float> weights = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(columns);
        if (features.Length % columns != 0 || features.Length / columns != labels.Length || labels.Length == 0)
        {
            throw new ArgumentException($"{features.Length} feature values are not {labels.Length} rows of {columns} columns.", nameof(features));
        }

        for (int i = 0; i < features.Length; i++)
        {
            if (float.IsInfinity(features[i]))
            {
                throw new ArgumentException($"Feature at row {i / columns}, column {i % columns} is {features[i]}; use NaN for a missing value.", nameof(features));
            }
        }

        CheckFinite(labels, nameof(labels));
        if (!weights.IsEmpty)
        {
            if (weights.Length != labels.Length)
            {
                throw new ArgumentException($"{weights.Length} weights for {labels.Length} rows.", nameof(weights));
            }

            CheckFinite(weights, nameof(weights));
            for (int i = 0; i < weights.Length; i++)
            {
                if (weights[i] < 0)
                {
                    throw new ArgumentException($"Weight of row {i} is {weights[i]}; weights must be non-negative.", nameof(weights));
                }
            }
        }

        return new BoosterDataset(features.ToArray(), columns, labels.ToArray(), weights.IsEmpty ? null : weights.ToArray());
    }

    /// <summary>Throws unless every value is finite, naming the first that is not.</summary>
    private static void CheckFinite(ReadOnlySpan<float> values, string name)
    {
        for (int i = 0; i < values.Length; i++)
        {
            if (!float.IsFinite(values[i]))
            {
                throw new ArgumentException($"{name}[{i}] is {values[i]}; only finite values are accepted.", name);
            }
        }
    }
}
