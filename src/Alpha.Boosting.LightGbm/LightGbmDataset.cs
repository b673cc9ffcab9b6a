using Alpha.Boosting.Training;

namespace Alpha.Boosting.LightGbm;

/// <summary>Native LightGBM datasets built from <see cref="BoosterDataset"/>s: features as a row-major float32 matrix, labels and weights as float32 fields.</summary>
internal static class LightGbmDataset
{
    /// <summary>A dataset for <paramref name="data"/>; with a <paramref name="reference"/>, binned as that one (a validation set on its training set's bins).</summary>
    public static unsafe DatasetHandle Create(BoosterDataset data, string parameters, DatasetHandle? reference)
    {
        DatasetHandle handle;
        fixed (float* features = data.Features)
        {
            int result = reference is null
                ? NativeMethods.LGBM_DatasetCreateFromMat(features, NativeMethods.Float32, data.Rows, data.Columns, 1, parameters, IntPtr.Zero, out handle)
                : NativeMethods.LGBM_DatasetCreateFromMat(features, NativeMethods.Float32, data.Rows, data.Columns, 1, parameters, reference, out handle);
            try
            {
                NativeMethods.Check(result, "LGBM_DatasetCreateFromMat");
                SetField(handle, "label", data.Labels);
                if (data.HasWeights)
                {
                    SetField(handle, "weight", data.Weights);
                }

                return handle;
            }
            catch
            {
                handle.Dispose();
                throw;
            }
        }
    }

    private static unsafe void SetField(DatasetHandle handle, string field, ReadOnlySpan<float> values)
    {
        fixed (float* data = values)
        {
            NativeMethods.Check(NativeMethods.LGBM_DatasetSetField(handle, field, data, values.Length, NativeMethods.Float32), "LGBM_DatasetSetField(" + field + ")");
        }
    }
}
