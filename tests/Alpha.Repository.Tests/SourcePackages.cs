using System.Reflection;

namespace Alpha.Repository.Tests;

/// <summary>The packages under <c>src/</c>: one folder, project, package and root namespace each.</summary>
internal static class SourcePackages
{
    public static IReadOnlyList<string> Names { get; } =
        Directory.GetDirectories(Path.Combine(TestEnvironment.RepositoryRoot, "src"))
            .Where(d => File.Exists(Path.Combine(d, Path.GetFileName(d) + ".csproj")))
            .Select(Path.GetFileName)
            .OfType<string>()
            .Order(StringComparer.Ordinal)
            .ToArray();

    /// <summary>Loads a package's assembly from the test output (every src project is referenced by this test project).</summary>
    public static Assembly Load(string name) => Assembly.LoadFrom(Path.Combine(AppContext.BaseDirectory, name + ".dll"));
}
