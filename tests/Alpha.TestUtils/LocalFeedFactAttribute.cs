namespace Alpha.TestUtils;

/// <summary>
/// A fact that needs the packed NuGet packages in <c>artifacts/packages</c> (made by <c>./build.sh test</c> or
/// <c>./build.sh pack</c>): skipped without them on a developer's machine, failing in CI.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class LocalFeedFactAttribute : RequirementFactAttribute
{
    /// <summary>Requires at least one package in the local feed.</summary>
    public LocalFeedFactAttribute()
        : base(
            () => Directory.Exists(TestEnvironment.LocalFeedPath) && Directory.EnumerateFiles(TestEnvironment.LocalFeedPath, "*.nupkg").Any(),
            $"needs the packages in {TestEnvironment.LocalFeedPath} (run ./build.sh pack)")
    {
    }
}
