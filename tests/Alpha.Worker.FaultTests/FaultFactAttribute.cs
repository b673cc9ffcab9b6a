namespace Alpha.Worker.FaultTests;

/// <summary>A fault test: needs <c>redis-server</c>, PostgreSQL's server binaries and <c>../shared/data</c>; skipped without them outside CI, failing in CI.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class FaultFactAttribute : RequirementFactAttribute
{
    public FaultFactAttribute()
        : base(
            () => Directory.Exists(TestEnvironment.SharedDataPath) && File.Exists("/usr/bin/redis-server") && Directory.Exists("/usr/lib/postgresql"),
            "needs redis-server, PostgreSQL's server binaries (Debian: redis-server, postgresql) and the shared data folder")
    {
    }
}
