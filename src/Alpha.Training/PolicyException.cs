namespace Alpha.Training;

/// <summary>A policy file is missing, unreadable, or has a missing, unknown or invalid key.</summary>
public sealed class PolicyException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="file">The policy file (file name, e.g. <c>core_policy.yaml</c>).</param>
    /// <param name="key">The dotted key path (e.g. <c>features.window</c>), or empty for the whole file.</param>
    /// <param name="problem">What is wrong.</param>
    public PolicyException(string file, string key, string problem)
        : base(key.Length == 0 ? $"{file}: {problem}" : $"{file}: {key}: {problem}")
    {
        File = file;
        Key = key;
    }

    /// <summary>The policy file.</summary>
    public string File { get; }

    /// <summary>The dotted key path, or empty.</summary>
    public string Key { get; }
}
