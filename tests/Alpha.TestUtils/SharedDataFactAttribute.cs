namespace Alpha.TestUtils;

/// <summary>A fact that reads <c>../shared/data</c>: skipped without it on a developer's machine, failing in CI.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class SharedDataFactAttribute : RequirementFactAttribute
{
    /// <summary>Requires the shared data folder.</summary>
    public SharedDataFactAttribute()
        : base(() => Directory.Exists(TestEnvironment.SharedDataPath), $"needs the shared data folder {TestEnvironment.SharedDataPath}")
    {
    }
}
