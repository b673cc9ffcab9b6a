namespace Alpha.Configuration;

/// <summary>A configuration file (a policy, a catalogue entry, universe, costs, drawdown levels) is missing, unreadable, or has a missing, unknown or invalid key.</summary>
public sealed class ConfigException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="file">The file (its name, e.g. <c>core_policy.yaml</c>).</param>
    /// <param name="key">The dotted key path (e.g. <c>features.window</c>), or empty for the whole file.</param>
    /// <param name="problem">What is wrong.</param>
    public ConfigException(string file, string key, string problem)
        : base(key.Length == 0 ? $"{file}: {problem}" : $"{file}: {key}: {problem}")
    {
        File = file;
        Key = key;
    }

    /// <summary>The file.</summary>
    public string File { get; }

    /// <summary>The dotted key path, or empty.</summary>
    public string Key { get; }

    /// <summary>Creates the exception with a message.</summary>
    public ConfigException()
    {
        File = Key = string.Empty;
    }

    /// <summary>Creates the exception with a message.</summary>
    public ConfigException(string message)
        : base(message)
    {
        File = Key = string.Empty;
    }

    /// <summary>Creates the exception with a message and inner exception.</summary>
    public ConfigException(string message, Exception innerException)
        : base(message, innerException)
    {
        File = Key = string.Empty;
    }
}
