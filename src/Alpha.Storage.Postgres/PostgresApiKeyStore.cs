using System.Collections.Immutable;
using Alpha.Operations;
using Npgsql;

namespace Alpha.Storage.Postgres;

/// <summary>API keys in <c>core.api_keys</c>: id, name, role, salt and HMAC only — never a key.</summary>
public sealed class PostgresApiKeyStore : IApiKeyStore
{
    private const string Columns = "key_id, name, role, salt, hash, created_at, created_by, revoked_at";
    private readonly NpgsqlDataSource _db;

    /// <summary>Creates the store.</summary>
    public PostgresApiKeyStore(NpgsqlDataSource dataSource)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        _db = dataSource;
    }

    /// <inheritdoc/>
    public async ValueTask AddAsync(ApiKeyRecord key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        await using NpgsqlCommand command = _db.CreateCommand($"INSERT INTO core.api_keys ({Columns}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)");
        foreach (object? value in (object?[])[key.KeyId, key.Name, OperatorRoles.Name(key.Role), key.Salt.ToArray(), key.Hash.ToArray(), key.CreatedAt, key.CreatedBy, key.RevokedAt])
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
        }

        try
        {
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            throw new InvalidOperationException($"core.api_keys: a key with id {key.KeyId} exists.", e);
        }
    }

    /// <inheritdoc/>
    public async ValueTask<ApiKeyRecord?> FindAsync(string keyId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keyId);
        await using NpgsqlCommand command = _db.CreateCommand($"SELECT {Columns} FROM core.api_keys WHERE key_id = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = keyId });
        await using NpgsqlDataReader reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? Read(reader) : null;
    }

    /// <inheritdoc/>
    public async ValueTask<ImmutableArray<ApiKeyRecord>> ListAsync(CancellationToken cancellationToken)
    {
        await using NpgsqlCommand command = _db.CreateCommand($"SELECT {Columns} FROM core.api_keys ORDER BY created_at, key_id");
        await using NpgsqlDataReader reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var keys = ImmutableArray.CreateBuilder<ApiKeyRecord>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            keys.Add(Read(reader));
        }

        return keys.ToImmutable();
    }

    /// <inheritdoc/>
    public async ValueTask<bool> RevokeAsync(string keyId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keyId);
        await using NpgsqlCommand command = _db.CreateCommand("UPDATE core.api_keys SET revoked_at = $2 WHERE key_id = $1 AND revoked_at IS NULL");
        command.Parameters.Add(new NpgsqlParameter { Value = keyId });
        command.Parameters.Add(new NpgsqlParameter { Value = at });
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    private static ApiKeyRecord Read(NpgsqlDataReader r) => new(
        r.GetString(0),
        r.GetString(1),
        OperatorRoles.Parse(r.GetString(2)),
        [.. r.GetFieldValue<byte[]>(3)],
        [.. r.GetFieldValue<byte[]>(4)],
        r.GetFieldValue<DateTimeOffset>(5),
        r.GetString(6),
        r.IsDBNull(7) ? null : r.GetFieldValue<DateTimeOffset>(7));
}
