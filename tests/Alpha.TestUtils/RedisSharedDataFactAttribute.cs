namespace Alpha.TestUtils;

/// <summary>A fact that needs both the Redis server of <c>ALPHA_TEST_REDIS</c> and <c>../shared/data</c>: skipped without them on a developer's machine, failing in CI.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RedisSharedDataFactAttribute : RequirementFactAttribute
{
    /// <summary>Requires a reachable Redis server and the shared data folder.</summary>
    public RedisSharedDataFactAttribute()
        : base(
            () => Directory.Exists(TestEnvironment.SharedDataPath) && TestEnvironment.CanConnect(TestEnvironment.RedisEndpoint.Host, TestEnvironment.RedisEndpoint.Port),
            $"needs a Redis server (ALPHA_TEST_REDIS) and the shared data folder {TestEnvironment.SharedDataPath}")
    {
    }
}
