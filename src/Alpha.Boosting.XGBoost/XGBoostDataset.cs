using Alpha.Boosting.Training;

namespace Alpha.Boosting.XGBoost;

/// <summary>
/// Training or evaluation data for XGBoost: a dense row-major float matrix (NaN = missing), one label per row, and
/// optional per-row weights and base margins. Validated on creation; the arrays are copied.
/// </summary>
public sealed class XGBoostDataset
{
    private readonly float[]? _baseMargin;

    private XGBoostDataset(BoosterDataset data, float[]? baseMargin)
    {
        Data = data;
        _baseMargin = baseMargin;
    }

    /// <summary>The features, labels and weights.</summary>
    public BoosterDataset Data { get; }

    /// <summary>Number of rows.</summary>
    public int Rows => Data.Rows;

    /// <summary>Number of feature columns.</summary>
    public int Columns => Data.Columns;

    /// <summary>Row-major features.</summary>
    public ReadOnlySpan<float> Features => Data.Features;

    /// <summary>Labels, one per row.</summary>
    public ReadOnlySpan<float> Labels => Data.Labels;

    /// <summary>Creates a dataset.</summary>
    /// <param name="features">Row-major features, rows × columns; NaN means missing, ±∞ is rejected.</param>
    /// <param name="columns">Number of columns.</param>
    /// <param name="labels">One finite label per row.</param>
    /// <param name="weights">Optional finite, non-negative weights (empty for none).</param>
    /// <param name="baseMargin">Optional finite base margins, one per row (empty for none; multiclass needs rows × classes).</param>
    /// <exception cref="ArgumentException">A length does not match, or a value is invalid (named with its row).</exception>
    public static XGBoostDataset Create(ReadOnlySpan<float> features, int columns, ReadOnlySpan<float> labels, ReadOnlySpan<float> weights = default, ReadOnlySpan<float> baseMargin = default) =>
        From(BoosterDataset.Create(features, columns, labels, weights), baseMargin);

    /// <summary>Wraps booster-neutral data, with optional base margins.</summary>
    /// <exception cref="ArgumentException">The base margins are not a whole number per row, or one is not finite.</exception>
    public static XGBoostDataset From(BoosterDataset data, ReadOnlySpan<float> baseMargin = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (!baseMargin.IsEmpty)
        {
            if (baseMargin.Length % data.Rows != 0)
            {
                throw new ArgumentException($"{baseMargin.Length} base margins are not a whole number per row of {data.Rows}.", nameof(baseMargin));
            }

            for (int i = 0; i < baseMargin.Length; i++)
            {
                if (!float.IsFinite(baseMargin[i]))
                {
                    throw new ArgumentException($"baseMargin[{i}] is {baseMargin[i]}; only finite values are accepted.", nameof(baseMargin));
                }
            }
        }

        return new XGBoostDataset(data, baseMargin.IsEmpty ? null : baseMargin.ToArray());
    }

    /// <summary>The native DMatrix of this dataset (the caller disposes it).</summary>
    internal DMatrixHandle ToDMatrix()
    {
        DMatrixHandle matrix = DMatrixHandle.FromDense(Data.Features, Rows, Columns);
        try
        {
            matrix.SetInfo("label", Data.Labels);
            if (Data.HasWeights)
            {
                matrix.SetInfo("weight", Data.Weights);
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
}
