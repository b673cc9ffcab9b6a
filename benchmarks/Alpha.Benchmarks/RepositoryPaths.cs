namespace Alpha.Benchmarks;

/// <summary>Where the repository and ../shared/data are, from wherever BenchmarkDotNet runs a benchmark's process.</summary>
internal static class RepositoryPaths
{
    /// <summary>The repository root: the nearest folder holding Alpha.Libraries.sln above the working directory or, failing that, above the program.</summary>
    public static string Root()
    {
        foreach (string start in (string[])[Environment.CurrentDirectory, AppContext.BaseDirectory])
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Alpha.Libraries.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new FileNotFoundException($"Alpha.Libraries.sln not found above {Environment.CurrentDirectory} or {AppContext.BaseDirectory}");
    }

    /// <summary>A folder of the shared data: $ALPHA_SHARED_DATA/…, else ../shared/data/… beside the repository.</summary>
    public static string SharedData(string folder) => Environment.GetEnvironmentVariable("ALPHA_SHARED_DATA") is { Length: > 0 } path
        ? Path.Combine(path, folder)
        : Path.GetFullPath(Path.Combine(Root(), "..", "shared", "data", folder));
}
