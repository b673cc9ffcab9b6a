using Alpha.Training;

namespace Alpha.Cli;

/// <summary>The models folder as <c>alpha train</c> uses it: checked before a run, written after it.</summary>
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

    /// <summary>Writes the version; a version of the same name (same minute, same artifacts) can only be found now.</summary>
    /// <exception cref="IOException">The version exists or cannot be written.</exception>
    public static string Write(RetrainResult result, string modelsRoot)
    {
        try
        {
            return ModelStore.Write(result, modelsRoot, TimeProvider.System);
        }
        catch (ModelVersionExistsException e)
        {
            throw new IOException(
                $"{e.Message} The name is the minute plus a hash of the artifacts, so this run trained the same model in the same minute as that one; it was not stored again (the stored version is identical). Run again a minute later to store a second copy.", e);
        }
    }
}
