namespace Alpha.Registry;

/// <summary>Where a registry's versions live, which signatures it trusts, and how many versions it keeps.</summary>
public sealed class RegistryOptions
{
    /// <summary>The models folder: <c>{ModelsRoot}/{model_version}/</c>.</summary>
    public required string ModelsRoot { get; init; }

    /// <summary>Where deploying copies a version, and where a lost or corrupted one is restored from; <see langword="null"/> (the default) keeps no backup.</summary>
    public string? BackupRoot { get; init; }

    /// <summary>The trusted public keys and whether a version must be signed by one of them (hosts: yes).</summary>
    public required ModelTrust Trust { get; init; }

    /// <summary>How many versions retention keeps in the models folder, at least 5; default 10.</summary>
    public int KeepVersions { get; init; } = 10;

    /// <summary>Throws when an option is out of range.</summary>
    /// <exception cref="ArgumentException">The models folder is empty, the backup root is the models folder, or <see cref="KeepVersions"/> is below 5.</exception>
    public void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(ModelsRoot);
        ArgumentNullException.ThrowIfNull(Trust);
        ArgumentOutOfRangeException.ThrowIfLessThan(KeepVersions, 5);
        if (BackupRoot is not null && Path.GetFullPath(BackupRoot) == Path.GetFullPath(ModelsRoot))
        {
            throw new ArgumentException("The backup root must not be the models folder.", nameof(BackupRoot));
        }
    }
}
