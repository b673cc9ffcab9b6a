namespace Alpha.TestUtils;

/// <summary>A fact that needs the native XGBoost library (Debian's libxgboost0): skipped without it on a developer's machine, failing in CI.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class XGBoostFactAttribute : RequirementFactAttribute
{
    /// <summary>Requires libxgboost.so.0.</summary>
    public XGBoostFactAttribute()
        : base(() => TestEnvironment.HasNativeXGBoost, TestEnvironment.NativeXGBoostReason)
    {
    }
}
