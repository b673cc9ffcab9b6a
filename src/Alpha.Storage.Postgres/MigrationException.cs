namespace Alpha.Storage.Postgres;

/// <summary>The database's migrations disagree with the package's (an applied migration's SQL changed), or one failed; nothing of the run was applied.</summary>
public sealed class MigrationException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="version">The migration concerned.</param>
    /// <param name="message">What is wrong.</param>
    /// <param name="innerException">The database's error, when there is one.</param>
    public MigrationException(int version, string message, Exception? innerException = null)
        : base(message, innerException) => Version = version;

    /// <summary>The migration concerned.</summary>
    public int Version { get; }
}
