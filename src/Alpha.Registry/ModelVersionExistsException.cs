namespace Alpha.Registry;

/// <summary>
/// <see cref="ModelStore.Write"/> found the version's folder already there: a version's name is the minute plus a
/// hash of its artifacts, so the same run stored twice within a minute has the same name. Nothing was changed.
/// </summary>
public sealed class ModelVersionExistsException : IOException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="version">The version's name.</param>
    /// <param name="modelsRoot">The models folder holding it.</param>
    public ModelVersionExistsException(string version, string modelsRoot)
        : base($"Model version {version} already exists in {modelsRoot}.")
    {
        Version = version;
        ModelsRoot = modelsRoot;
    }

    /// <summary>The version's name.</summary>
    public string Version { get; }

    /// <summary>The models folder.</summary>
    public string ModelsRoot { get; }
}
