namespace Alpha.Boosting.LightGbm;

/// <summary>A LightGBM FastConfigHandle, freed with LGBM_FastConfigFree.</summary>
internal sealed class FastConfigHandle : LightGbmHandle
{
    protected override bool ReleaseHandle() => NativeMethods.LGBM_FastConfigFree(handle) == 0;
}
