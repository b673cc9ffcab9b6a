namespace Alpha.TestUtils;

/// <summary>A fact that needs PostgreSQL, Redis and <c>../shared/data</c>: skipped without them on a developer's machine, failing in CI.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ServersSharedDataFactAttribute : RequirementFactAttribute
{
    /// <summary>Requires both servers and the shared data folder.</summary>
    public ServersSharedDataFactAttribute()
        : base(
            () => Directory.Exists(TestEnvironment.SharedDataPath) && TestEnvironment.IsPostgresReachable
                && TestEnvironment.CanConnect(TestEnvironment.RedisEndpoint.Host, TestEnvironment.RedisEndpoint.Port),
            $"needs PostgreSQL (ALPHA_TEST_PG), Redis (ALPHA_TEST_REDIS) and the shared data folder {TestEnvironment.SharedDataPath}")
    {
    }
}
