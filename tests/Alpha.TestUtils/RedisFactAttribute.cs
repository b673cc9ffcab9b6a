namespace Alpha.TestUtils;

/// <summary>A fact that needs the Redis server of <c>ALPHA_TEST_REDIS</c>: skipped without it on a developer's machine, failing in CI.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RedisFactAttribute : RequirementFactAttribute
{
    /// <summary>Requires a reachable Redis server.</summary>
    public RedisFactAttribute()
        : base(IsReachable, "needs a Redis server (set ALPHA_TEST_REDIS or run ./build.sh test)")
    {
    }

    private static bool IsReachable()
    {
        var (host, port) = ConnectionStrings.RedisEndpoint(TestEnvironment.RedisConfiguration);
        return TestEnvironment.CanConnect(host, port);
    }
}
