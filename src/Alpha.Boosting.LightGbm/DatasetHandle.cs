namespace Alpha.Boosting.LightGbm;

/// <summary>A LightGBM DatasetHandle, freed with LGBM_DatasetFree.</summary>
internal sealed class DatasetHandle : LightGbmHandle
{
    protected override bool ReleaseHandle() => NativeMethods.LGBM_DatasetFree(handle) == 0;
}
