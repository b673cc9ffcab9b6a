using Xunit;

namespace Alpha.TestUtils;

/// <summary>A theory that needs the native XGBoost library: skipped without it on a developer's machine, failing in CI.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class XGBoostTheoryAttribute : TheoryAttribute
{
    /// <summary>Requires libxgboost.so.0.</summary>
    public XGBoostTheoryAttribute()
    {
        if (!TestEnvironment.IsCi && !TestEnvironment.HasNativeXGBoost)
        {
            Skip = TestEnvironment.NativeXGBoostReason + " (skipped outside CI; with CI=true this test fails instead)";
        }
    }
}
