namespace Alpha.Boosting.LightGbm;

/// <summary>A LightGBM BoosterHandle, freed with LGBM_BoosterFree.</summary>
internal sealed class BoosterHandle : LightGbmHandle
{
    protected override bool ReleaseHandle() => NativeMethods.LGBM_BoosterFree(handle) == 0;
}
