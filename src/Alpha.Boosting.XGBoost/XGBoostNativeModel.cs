using System.Runtime.InteropServices;

namespace Alpha.Boosting.XGBoost;

/// <summary>
/// A model loaded into native XGBoost, for native predictions: the reference the managed evaluator is checked
/// against, and the baseline of the benchmarks. Dispose it to free the booster.
/// </summary>
public sealed class XGBoostNativeModel : IDisposable
{
    private readonly BoosterHandle _booster;

    private XGBoostNativeModel(BoosterHandle booster) => _booster = booster;

    /// <summary>Loads a model (XGBoost JSON) with <paramref name="threads"/> prediction threads (0 = all cores).</summary>
    /// <exception cref="XGBoostException">XGBoost cannot read the model.</exception>
    public static XGBoostNativeModel Load(ReadOnlySpan<byte> modelJson, int threads = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(threads);
        BoosterHandle booster = BoosterHandle.FromModel(modelJson);
        if (threads > 0)
        {
            booster.SetParameter("nthread", threads.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        return new XGBoostNativeModel(booster);
    }

    /// <summary>
    /// Predicts row-major <paramref name="rows"/> (NaN = missing) through a DMatrix (XGBoosterPredictFromDMatrix);
    /// returns one value per row and output.
    /// </summary>
    public float[] Predict(ReadOnlySpan<float> rows, int columns, bool margin = false)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(columns);
        using DMatrixHandle matrix = DMatrixHandle.FromDense(rows, rows.Length / columns, columns);
        string config = $$"""{"type": {{(margin ? 1 : 0)}}, "training": false, "iteration_begin": 0, "iteration_end": 0, "strict_shape": false}""";
        NativeMethods.Check(NativeMethods.XGBoosterPredictFromDMatrix(_booster, matrix, config, out IntPtr shape, out ulong dimension, out IntPtr result), "XGBoosterPredictFromDMatrix");
        return Copy(result, shape, dimension);
    }

    /// <summary>Predicts one or more rows in place (XGBoosterPredictFromDense, no DMatrix cache: cache_id 0).</summary>
    public unsafe float[] PredictDense(ReadOnlySpan<float> rows, int columns, bool margin = false)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(columns);
        int count = rows.Length / columns;
        fixed (float* data = rows)
        {
            string array = $$"""{"data": [{{(ulong)data}}, true], "shape": [{{count}}, {{columns}}], "typestr": "<f4", "version": 3}""";
            string config = $$"""{"type": {{(margin ? 1 : 0)}}, "training": false, "iteration_begin": 0, "iteration_end": 0, "strict_shape": false, "cache_id": 0, "missing": NaN}""";
            NativeMethods.Check(NativeMethods.XGBoosterPredictFromDense(_booster, array, config, IntPtr.Zero, out IntPtr shape, out ulong dimension, out IntPtr result), "XGBoosterPredictFromDense");
            return Copy(result, shape, dimension);
        }
    }

    /// <inheritdoc />
    public void Dispose() => _booster.Dispose();

    // The result holds the product of its shape's dimensions (rows × outputs).
    private static float[] Copy(IntPtr result, IntPtr shape, ulong dimension)
    {
        long length = 1;
        for (int d = 0; d < (int)dimension; d++)
        {
            length *= Marshal.ReadInt64(shape, d * sizeof(long));
        }

        var values = new float[checked((int)length)];
        Marshal.Copy(result, values, 0, values.Length);
        return values;
    }
}
