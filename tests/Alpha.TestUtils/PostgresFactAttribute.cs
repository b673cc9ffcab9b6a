namespace Alpha.TestUtils;

/// <summary>A fact that needs the PostgreSQL server of <c>ALPHA_TEST_PG</c>: skipped without it on a developer's machine, failing in CI.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PostgresFactAttribute : RequirementFactAttribute
{
    /// <summary>Requires a reachable PostgreSQL server.</summary>
    public PostgresFactAttribute()
        : base(() => TestEnvironment.IsPostgresReachable, "needs a PostgreSQL server (set ALPHA_TEST_PG or run ./build.sh test)")
    {
    }
}
