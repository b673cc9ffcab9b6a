using System.Diagnostics;
using System.IO.Compression;
using System.Xml.Linq;

namespace Alpha.Repository.Tests;

/// <summary>
/// The packs are valid NuGet packages, and a throw-away console app can consume one by PackageReference from the
/// local feed (not a ProjectReference): restore, build and run.
/// </summary>
public sealed class PackageConsumptionTests
{
    public static TheoryData<string> Packages() => [.. SourcePackages.Names];

    [LocalFeedFact]
    public void LocalFeed_HasOneValidPackagePerSrcProject()
    {
        foreach (string package in SourcePackages.Names)
        {
            string nupkg = FindPackage(package);
            Assert.True(File.Exists(Path.ChangeExtension(nupkg, ".snupkg")), $"{package}: no symbol package");
            using ZipArchive zip = ZipFile.OpenRead(nupkg);
            Assert.NotNull(zip.GetEntry("README.md"));
            Assert.NotNull(zip.GetEntry($"lib/net10.0/{package}.dll"));
            Assert.NotNull(zip.GetEntry($"lib/net10.0/{package}.xml"));

            using Stream nuspecStream = zip.GetEntry($"{package}.nuspec")!.Open();
            XElement metadata = XDocument.Load(nuspecStream).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
            string Field(string name) => metadata.Elements().Single(e => e.Name.LocalName == name).Value;
            Assert.Equal(package, Field("id"));
            Assert.Equal("MIT", Field("license"));
            Assert.Equal("README.md", Field("readme"));
            Assert.False(string.IsNullOrWhiteSpace(Field("description")), $"{package}: empty description");
            Assert.Contains("pair-trading", Field("tags"), StringComparison.Ordinal);
            Assert.NotNull(metadata.Elements().SingleOrDefault(e => e.Name.LocalName == "repository"));
        }
    }

    [LocalFeedFact]
    public void ConsoleApp_ConsumesPackageFromLocalFeed()
    {
        string package = FindPackage("Alpha.CrossValidation");
        string version = Path.GetFileNameWithoutExtension(package)["Alpha.CrossValidation.".Length..];
        string work = Directory.CreateTempSubdirectory("alpha-consumer-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(work, "nuget.config"), $"""
                <?xml version="1.0" encoding="utf-8"?>
                <configuration>
                  <packageSources>
                    <clear />
                    <add key="local" value="{TestEnvironment.LocalFeedPath}" />
                    <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
                  </packageSources>
                </configuration>
                """);
            File.WriteAllText(Path.Combine(work, "Consumer.csproj"), $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <OutputType>Exe</OutputType>
                    <TargetFramework>net10.0</TargetFramework>
                    <ImplicitUsings>enable</ImplicitUsings>
                    <Nullable>enable</Nullable>
                    <RestorePackagesPath>{Path.Combine(work, "packages")}</RestorePackagesPath>
                  </PropertyGroup>
                  <ItemGroup>
                    <PackageReference Include="Alpha.CrossValidation" Version="{version}" />
                  </ItemGroup>
                </Project>
                """);
            File.WriteAllText(Path.Combine(work, "Program.cs"), """
                using Alpha.CrossValidation;

                var events = LabelEvents.EveryBar(BarAxis.OfLength(1200));
                var folds = new PurgedKFold().Split(events).ToList();
                Console.WriteLine($"folds={folds.Count} train0={folds[0].Train.Length} test0={folds[0].Test.Length}");
                """);

            string output = Run(work, "run", "--configuration", "Release");

            // 1200 bars, 5 folds of 240; fold 0 purges 24 bars and embargoes 24 after bar 239.
            Assert.Contains("folds=5 train0=912 test0=240", output, StringComparison.Ordinal);
            Assert.True(File.Exists(Path.Combine(work, "packages", "alpha.crossvalidation", version, "alpha.crossvalidation.nuspec")),
                "the package was not restored from the local feed");
            Assert.DoesNotContain("ProjectReference", File.ReadAllText(Path.Combine(work, "Consumer.csproj")), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>The README's install line works: the alpha tool installs from the local feed and trains.</summary>
    [LocalFeedFact]
    public void AlphaTool_InstallsFromTheLocalFeed_AndRunsTheDemo()
    {
        string package = FindPackage("Alpha.Cli");
        string version = Path.GetFileNameWithoutExtension(package)["Alpha.Cli.".Length..];
        string work = Directory.CreateTempSubdirectory("alpha-tool-").FullName;
        try
        {
            string tools = Path.Combine(work, "tools"), models = Path.Combine(work, "models");
            Run(work, "tool", "install", "Alpha.Cli", "--tool-path", tools, "--add-source", TestEnvironment.LocalFeedPath, "--version", version);

            string help = RunProgram(work, Path.Combine(tools, "alpha"), "--help");
            Assert.Contains("train", help, StringComparison.Ordinal);
            if (TestEnvironment.HasNativeXGBoost || TestEnvironment.IsCi)   // the demo trains with XGBoost; CI has it
            {
                RunProgram(work, Path.Combine(tools, "alpha"), "demo", "--bars", "3000", "--out", models);
                Assert.Single(Directory.GetDirectories(models), d => File.Exists(Path.Combine(d, "checksums.json")));
            }
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private static string FindPackage(string package)
    {
        string[] found = Directory.GetFiles(TestEnvironment.LocalFeedPath, package + ".*.nupkg")
            .Where(f => char.IsDigit(Path.GetFileName(f)[(package.Length + 1)..][0]))
            .ToArray();
        Assert.True(found.Length == 1, $"expected one {package} package in {TestEnvironment.LocalFeedPath}, found {found.Length}");
        return found[0];
    }

    private static string Run(string workingDirectory, params string[] arguments) => RunProgram(workingDirectory, "dotnet", arguments);

    private static string RunProgram(string workingDirectory, string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The consumer must not inherit this repository's build settings through MSBuild environment variables.
        start.Environment.Remove("MSBuildExtensionsPath");
        start.Environment.Remove("MSBuildSDKsPath");
        start.Environment.Remove("MSBUILD_EXE_PATH");
        using Process process = Process.Start(start)!;
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{program} {string.Join(' ', arguments)} timed out");
        }

        string output = stdout.Result + stderr.Result;
        Assert.True(process.ExitCode == 0, $"{program} {string.Join(' ', arguments)} failed:\n{output}");
        return output;
    }
}
