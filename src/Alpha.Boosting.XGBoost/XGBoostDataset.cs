namespace Alpha.Boosting.XGBoost;

/// <summary>
/// Training or evaluation data for XGBoost: a dense row-major float matrix (NaN = missing), one label per row, and
/// optional per-row weights and base margins. Validated on creation; the arrays are copied.
/// </summary>
public sealed class XGBoostDataset
{
    private readonly float[] _features;
    private readonly float[] _labels;
    private readonly float[]? _weights;
    private readonly float[]? _baseMargin;

    private XGBoostDataset(float[] features, int rows, int columns, float[] labels, float[]? weights, float[]? baseMargin)
    {
        _features = features;
        Rows = rows;
        Columns = columns;
        _labels = labels;
        _weights = weights;
        _baseMargin = baseMargin;
    }

    /// <summary>Number of rows.</summary>
    public int Rows { get; }

    /// <summary>Number of feature columns.</summary>
    public int Columns { get; }

    /// <summary>Row-major features.</summary>
    public ReadOnlySpan<float> Features => _features;

    /// <summary>Labels, one per row.</summary>
    public ReadOnlySpan<float> Labels => _labels;

    /// <summary>Creates a dataset.</summary>
    /// <param name="features">Row-major features, rows × columns; NaN means missing, ±∞ is rejected.</param>
    /// <param name="columns">Number of columns.</param>
    /// <param name="labels">One finite label per row.</param>
    /// <param name="weights">Optional finite, non-negative weights (empty for none).</param>
    /// <param name="baseMargin">Optional finite base margins, one per row (empty for none; multiclass needs rows × classes).</param>
    /// <exception cref="ArgumentException">A length does not match, or a value is invalid (named with its row).</exception>
    public static XGBoostDataset Create(ReadOnlySpan<float> features, int columns, ReadOnlySpan<float> labels, ReadOnlySpan<float> weights = default, ReadOnlySpan<float> baseMargin = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(columns);
        if (features.Length % columns != 0 || features.Length / columns != labels.Length || labels.Length == 0)
        {
            throw new ArgumentException($"{features.Length} feature values are not {labels.Length} rows of {columns} columns.", nameof(features));
        }

        int rows = labels.Length;
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
            if (weights.Length != rows)
            {
                throw new ArgumentException($"{weights.Length} weights for {rows} rows.", nameof(weights));
            }

            CheckFinite(weights, nameof(weights));
            for (int i = 0; i < rows; i++)
            {
                if (weights[i] < 0)
                {
                    throw new ArgumentException($"Weight of row {i} is {weights[i]}; weights must be non-negative.", nameof(weights));
                }
            }
        }

        if (!baseMargin.IsEmpty)
        {
            if (baseMargin.Length % rows != 0)
            {
                throw new ArgumentException($"{baseMargin.Length} base margins are not a whole number per row of {rows}.", nameof(baseMargin));
            }

            CheckFinite(baseMargin, nameof(baseMargin));
        }

        return new XGBoostDataset(features.ToArray(), rows, columns, labels.ToArray(), weights.IsEmpty ? null : weights.ToArray(), baseMargin.IsEmpty ? null : baseMargin.ToArray());
    }

    /// <summary>The native DMatrix of this dataset (the caller disposes it).</summary>
    internal DMatrixHandle ToDMatrix()
    {
        DMatrixHandle matrix = DMatrixHandle.FromDense(_features, Rows, Columns);
        try
        {
            matrix.SetInfo("label", _labels);
            if (_weights is not null)
            {
                matrix.SetInfo("weight", _weights);
            }

            if (_baseMargin is not null)
            {
                matrix.SetInfo("base_margin", _baseMargin);
            }

            return matrix;
        }
        catch
        {
            matrix.Dispose();
            throw;
        }
    }

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
