namespace Alpha.TestUtils;

/// <summary>A fact that needs both test servers, PostgreSQL (<c>ALPHA_TEST_PG</c>) and Redis (<c>ALPHA_TEST_REDIS</c>): skipped without them on a developer's machine, failing in CI.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ServersFactAttribute : RequirementFactAttribute
{
    /// <summary>Requires reachable PostgreSQL and Redis servers.</summary>
    public ServersFactAttribute()
        : base(
            () => TestEnvironment.IsPostgresReachable && TestEnvironment.CanConnect(TestEnvironment.RedisEndpoint.Host, TestEnvironment.RedisEndpoint.Port),
            "needs PostgreSQL (ALPHA_TEST_PG) and Redis (ALPHA_TEST_REDIS) servers")
    {
    }
}
