using Xunit;

namespace Alpha.TestUtils;

/// <summary>A theory that needs the PostgreSQL server of <c>ALPHA_TEST_PG</c>: skipped without it on a developer's machine, failing in CI.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PostgresTheoryAttribute : TheoryAttribute
{
    /// <summary>Requires a reachable PostgreSQL server.</summary>
    public PostgresTheoryAttribute()
    {
        if (!TestEnvironment.IsCi && !TestEnvironment.IsPostgresReachable)
        {
            Skip = "needs a PostgreSQL server (set ALPHA_TEST_PG or run ./build.sh test) (skipped outside CI; with CI=true this test fails instead)";
        }
    }
}
