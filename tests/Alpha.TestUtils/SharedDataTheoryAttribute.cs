using Xunit;

namespace Alpha.TestUtils;

/// <summary>A theory that needs <c>../shared/data</c>: skipped without it on a developer's machine, failing in CI.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class SharedDataTheoryAttribute : TheoryAttribute
{
    /// <summary>Requires the shared data folder.</summary>
    public SharedDataTheoryAttribute()
    {
        if (!TestEnvironment.IsCi && !Directory.Exists(TestEnvironment.SharedDataPath))
        {
            Skip = $"needs the shared data folder {TestEnvironment.SharedDataPath} (skipped outside CI; with CI=true this test fails instead)";
        }
    }
}
