using System.Runtime.CompilerServices;

namespace Alpha.Repository.Tests;

/// <summary>House rules (CONVENTIONS.md) checked over every package under src/.</summary>
public sealed class ConventionsTests
{
    public static TheoryData<string> Packages() => [.. SourcePackages.Names];

    [Fact]
    public void Src_HasPackages() => Assert.NotEmpty(SourcePackages.Names);

    [Theory]
    [MemberData(nameof(Packages))]
    public void EveryPackage_IsBuiltIntoThisTestRun(string package) =>
        Assert.True(File.Exists(Path.Combine(AppContext.BaseDirectory, package + ".dll")), $"{package}.dll is not referenced by Alpha.Repository.Tests");

    [Theory]
    [MemberData(nameof(Packages))]
    public void PublicTypes_AreSealedAbstractStaticRecordsOrInterfaces(string package)
    {
        var offenders = SourcePackages.Load(package).GetExportedTypes()
            .Where(t => t.IsClass && !t.IsSealed && !t.IsAbstract && !IsRecord(t))
            .Select(t => t.FullName)
            .ToList();

        Assert.True(offenders.Count == 0, $"{package}: public classes that are not sealed, abstract, static or records: {string.Join(", ", offenders)}");
    }

    [Theory]
    [MemberData(nameof(Packages))]
    public void PublicTypes_LiveInThePackagesNamespace(string package)
    {
        var offenders = SourcePackages.Load(package).GetExportedTypes()
            .Where(t => t.Namespace is null || !(t.Namespace == package || t.Namespace.StartsWith(package + ".", StringComparison.Ordinal)))
            .Select(t => $"{t.FullName} (namespace {t.Namespace ?? "<global>"})")
            .ToList();

        Assert.True(offenders.Count == 0, $"{package}: public types outside namespace {package}: {string.Join(", ", offenders)}");
    }

    [Theory]
    [MemberData(nameof(Packages))]
    public void Package_HasReadmeAndTestProject(string package)
    {
        Assert.True(File.Exists(Path.Combine(TestEnvironment.RepositoryRoot, "src", package, "README.md")), $"src/{package}/README.md is missing");
        Assert.True(File.Exists(Path.Combine(TestEnvironment.RepositoryRoot, "tests", package + ".Tests", package + ".Tests.csproj")), $"tests/{package}.Tests is missing");
    }

    // A record class has a compiler-generated, hidden EqualityContract property.
    private static bool IsRecord(Type type) =>
        type.GetProperty("EqualityContract", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)?
            .GetMethod?.GetCustomAttributes(typeof(CompilerGeneratedAttribute), false).Length > 0;
}
