namespace Alpha.TestUtils;

/// <summary>Throw-away copies of folders (a configuration folder, a models root) for tests that change them.</summary>
public static class TestFolders
{
    /// <summary>A new temporary folder named <paramref name="prefix"/>… holding a copy of every file and sub-folder of <paramref name="source"/>.</summary>
    public static string CopyOf(string source, string prefix)
    {
        string copy = Directory.CreateTempSubdirectory(prefix).FullName;
        foreach (string file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            string target = Path.Combine(copy, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        return copy;
    }
}
