namespace Alpha.Cli;

/// <summary>The models folder as <c>alpha train</c> uses it: checked before a run (the registry writes the version after it).</summary>
internal static class ModelsFolder
{
    /// <summary>Creates <paramref name="modelsRoot"/> if needed and proves it writable, so a run never trains for nothing.</summary>
    /// <exception cref="IOException">The folder cannot be created or written.</exception>
    public static void CheckWritable(string modelsRoot)
    {
        string probe = Path.Combine(modelsRoot, $".write-check-{Environment.ProcessId}");
        try
        {
            Directory.CreateDirectory(modelsRoot);
            File.WriteAllBytes(probe, []);
            File.Delete(probe);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new IOException($"The models folder {Path.GetFullPath(modelsRoot)} is not writable ({e.Message}); nothing was trained.", e);
        }
    }
}
