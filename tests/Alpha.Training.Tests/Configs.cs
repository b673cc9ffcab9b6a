namespace Alpha.Training.Tests;

/// <summary>The repository's sample <c>configs/</c> folder and editable copies of it.</summary>
internal static class Configs
{
    public static string Folder => Path.Combine(TestEnvironment.RepositoryRoot, "configs");

    /// <summary>A temporary copy of the sample configs with <paramref name="edit"/> applied to one file's text.</summary>
    public static string CopyWith(string file, Func<string, string> edit)
    {
        string folder = Directory.CreateTempSubdirectory("alpha-configs-").FullName;
        foreach (string path in Directory.EnumerateFiles(Folder, "*.yaml"))
        {
            string text = File.ReadAllText(path);
            File.WriteAllText(Path.Combine(folder, Path.GetFileName(path)), Path.GetFileName(path) == file ? edit(text) : text);
        }

        return folder;
    }
}
