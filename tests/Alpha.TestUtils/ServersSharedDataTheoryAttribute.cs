using Xunit;

namespace Alpha.TestUtils;

/// <summary>A theory that needs PostgreSQL, Redis and <c>../shared/data</c>: skipped without them on a developer's machine, failing in CI.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ServersSharedDataTheoryAttribute : TheoryAttribute
{
    /// <summary>Requires both servers and the shared data folder.</summary>
    public ServersSharedDataTheoryAttribute()
    {
        if (!TestEnvironment.IsCi && !(Directory.Exists(TestEnvironment.SharedDataPath) && TestEnvironment.IsPostgresReachable
            && TestEnvironment.CanConnect(TestEnvironment.RedisEndpoint.Host, TestEnvironment.RedisEndpoint.Port)))
        {
            Skip = $"needs PostgreSQL (ALPHA_TEST_PG), Redis (ALPHA_TEST_REDIS) and the shared data folder {TestEnvironment.SharedDataPath} (skipped outside CI; with CI=true this test fails instead)";
        }
    }
}
