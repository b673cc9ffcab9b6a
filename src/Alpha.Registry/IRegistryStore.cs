using System.Collections.Immutable;

namespace Alpha.Registry;

/// <summary>
/// Where a registry keeps its event logs: <see cref="FileRegistryStore"/> (the embedded default) or the PostgreSQL
/// store of Alpha.Storage.Postgres. A store persists and serialises; <see cref="ModelRegistry"/> decides, chains and
/// verifies. The same contract tests run against every store.
/// </summary>
public interface IRegistryStore
{
    /// <summary>The model ids with a log, sorted.</summary>
    ValueTask<ImmutableArray<string>> ListModelIdsAsync(CancellationToken cancellationToken = default);

    /// <summary>A model id's log as stored (an unknown model id has an empty log).</summary>
    /// <exception cref="RegistryLogException">The stored log cannot be read (a malformed entry); the message names the model id and the entry.</exception>
    ValueTask<RegistryLog> ReadAsync(string modelId, CancellationToken cancellationToken = default);

    /// <summary>
    /// The catalogue rows written under a model id, in the order written; a later row of a version replaces an
    /// earlier one. The registry looks rows up by the versions its log registered, so a row a crash left without its
    /// registration event is never shown.
    /// </summary>
    ValueTask<ImmutableArray<ModelVersionRecord>> ReadVersionsAsync(string modelId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Reads the log and appends what <paramref name="decide"/> returns for it, as one atomic step serialised against
    /// every other append to the same model id (from this process or another). When <paramref name="decide"/> throws,
    /// nothing is written.
    /// </summary>
    /// <returns>The log after the append.</returns>
    ValueTask<RegistryLog> AppendAsync(string modelId, Func<RegistryLog, RegistryAppend> decide, CancellationToken cancellationToken = default);
}
