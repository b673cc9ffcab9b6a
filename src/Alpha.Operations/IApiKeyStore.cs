using System.Collections.Immutable;

namespace Alpha.Operations;

/// <summary>Where API keys are kept (Alpha.Storage.Postgres: <c>core.api_keys</c>). Only salted hashes are stored.</summary>
public interface IApiKeyStore
{
    /// <summary>Stores a new key.</summary>
    /// <exception cref="InvalidOperationException">A key with the same id exists.</exception>
    ValueTask AddAsync(ApiKeyRecord key, CancellationToken cancellationToken);

    /// <summary>The key with this id, revoked or not; null when there is none.</summary>
    ValueTask<ApiKeyRecord?> FindAsync(string keyId, CancellationToken cancellationToken);

    /// <summary>Every key, oldest first.</summary>
    ValueTask<ImmutableArray<ApiKeyRecord>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Revokes a key (it stays listed, with the time).</summary>
    /// <returns>False when no valid key has this id.</returns>
    ValueTask<bool> RevokeAsync(string keyId, DateTimeOffset at, CancellationToken cancellationToken);
}
