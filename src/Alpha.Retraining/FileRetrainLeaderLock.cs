namespace Alpha.Retraining;

/// <summary>
/// Leadership through an exclusively opened lock file per schedule (<c>.retrain-{schedule}.lock</c> in a folder): one
/// process on the machine leads; its death closes the file and frees it. The embedded default, beside
/// <see cref="JsonLinesRetrainRunStore"/>.
/// </summary>
public sealed class FileRetrainLeaderLock : IRetrainLeaderLock
{
    private readonly string _folder;

    /// <summary>Creates the lock over <paramref name="folder"/> (which must exist).</summary>
    public FileRetrainLeaderLock(string folder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        _folder = Path.GetFullPath(folder);
    }

    /// <inheritdoc/>
    public ValueTask<IAsyncDisposable?> TryAcquireAsync(string scheduleId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(scheduleId);
        if (scheduleId.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0 || scheduleId.Contains("..", StringComparison.Ordinal))
        {
            throw new ArgumentException($"'{scheduleId}' cannot name a lock file.", nameof(scheduleId));
        }

        try
        {
            return ValueTask.FromResult<IAsyncDisposable?>(new FileStream(Path.Combine(_folder, $".retrain-{scheduleId}.lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
        }
        catch (IOException)
        {
            return ValueTask.FromResult<IAsyncDisposable?>(null);
        }
    }
}
