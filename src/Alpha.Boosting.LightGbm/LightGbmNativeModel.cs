namespace Alpha.Boosting.LightGbm;

/// <summary>
/// A model loaded into native LightGBM, for native predictions: the reference the managed evaluator is checked
/// against, and the baseline of the benchmarks. Not thread-safe (the fast single-row configuration is reused).
/// Dispose it to free the booster.
/// </summary>
public sealed class LightGbmNativeModel : IDisposable
{
    private readonly BoosterHandle _booster;
    private FastConfigHandle? _fastRaw;

    private LightGbmNativeModel(BoosterHandle booster, int columns, int outputs)
    {
        _booster = booster;
        Columns = columns;
        Outputs = outputs;
    }

    /// <summary>Feature columns per row.</summary>
    public int Columns { get; }

    /// <summary>Outputs per row (1, or the classes).</summary>
    public int Outputs { get; }

    /// <summary>Loads <c>model.txt</c> text.</summary>
    /// <param name="modelText">The model.</param>
    /// <param name="columns">Feature columns of the rows it will predict (the model's max_feature_idx + 1).</param>
    /// <exception cref="LightGbmException">LightGBM cannot read the model.</exception>
    public static LightGbmNativeModel Load(string modelText, int columns)
    {
        ArgumentNullException.ThrowIfNull(modelText);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(columns);
        NativeMethods.Check(NativeMethods.LGBM_BoosterLoadModelFromString(modelText, out _, out BoosterHandle booster), "LGBM_BoosterLoadModelFromString");
        try
        {
            NativeMethods.Check(NativeMethods.LGBM_BoosterGetNumClasses(booster, out int classes), "LGBM_BoosterGetNumClasses");
            return new LightGbmNativeModel(booster, columns, classes);
        }
        catch
        {
            booster.Dispose();
            throw;
        }
    }

    /// <summary>Predicts row-major float64 <paramref name="rows"/> (NaN = missing) with <c>LGBM_BoosterPredictForMat</c>; one value per row and output.</summary>
    /// <param name="rows">Rows × <see cref="Columns"/> values.</param>
    /// <param name="raw">Raw margins instead of the transformed output.</param>
    public unsafe double[] Predict(ReadOnlySpan<double> rows, bool raw = false)
    {
        if (rows.IsEmpty || rows.Length % Columns != 0)
        {
            throw new ArgumentException($"{rows.Length} values are not whole rows of {Columns}.", nameof(rows));
        }

        int count = rows.Length / Columns;
        var result = new double[count * Outputs];
        fixed (double* data = rows)
        fixed (double* output = result)
        {
            NativeMethods.Check(
                NativeMethods.LGBM_BoosterPredictForMat(_booster, data, NativeMethods.Float64, count, Columns, 1, raw ? NativeMethods.PredictRawScore : NativeMethods.PredictNormal, 0, -1, "", out long length, output),
                "LGBM_BoosterPredictForMat");
            if (length != result.Length)
            {
                throw new LightGbmException("LGBM_BoosterPredictForMat", $"wrote {length} values for {count} rows of {Outputs} outputs");
            }
        }

        return result;
    }

    /// <summary>
    /// The raw margins of one row through <c>LGBM_BoosterPredictForMatSingleRowFast</c> (its configuration made once
    /// and reused), written into <paramref name="margins"/>.
    /// </summary>
    public unsafe void PredictRawSingleRow(ReadOnlySpan<double> row, Span<double> margins)
    {
        if (row.Length != Columns || margins.Length < Outputs)
        {
            throw new ArgumentException($"A row has {Columns} values and needs {Outputs} margins.", nameof(row));
        }

        if (_fastRaw is null)
        {
            NativeMethods.Check(NativeMethods.LGBM_BoosterPredictForMatSingleRowFastInit(_booster, NativeMethods.PredictRawScore, 0, -1, NativeMethods.Float64, Columns, "", out FastConfigHandle fast), "LGBM_BoosterPredictForMatSingleRowFastInit");
            _fastRaw = fast;
        }

        fixed (double* data = row)
        fixed (double* output = margins)
        {
            NativeMethods.Check(NativeMethods.LGBM_BoosterPredictForMatSingleRowFast(_fastRaw, data, out _, output), "LGBM_BoosterPredictForMatSingleRowFast");
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _fastRaw?.Dispose();
        _booster.Dispose();
    }
}
