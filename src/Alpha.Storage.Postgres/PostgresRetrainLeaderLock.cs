using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Alpha.Retraining;
using Npgsql;

namespace Alpha.Storage.Postgres;

/// <summary>
/// Leadership of a schedule through <c>pg_try_advisory_lock</c>: the lease holds its own connection, so the lock lives as
/// long as the leader's session — a host that dies (or loses its connection) frees it. The key is the first 8 bytes of
/// SHA-256 over <c>alpha.retrain/{schedule}</c>.
/// </summary>
public sealed class PostgresRetrainLeaderLock : IRetrainLeaderLock
{
    private readonly NpgsqlDataSource _db;

    /// <summary>Creates the lock.</summary>
    public PostgresRetrainLeaderLock(NpgsqlDataSource dataSource)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        _db = dataSource;
    }

    /// <summary>The advisory lock key of <paramref name="scheduleId"/>.</summary>
    public static long Key(string scheduleId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(scheduleId);
        return BinaryPrimitives.ReadInt64BigEndian(SHA256.HashData(Encoding.UTF8.GetBytes("alpha.retrain/" + scheduleId)));
    }

    /// <inheritdoc/>
    public async ValueTask<IAsyncDisposable?> TryAcquireAsync(string scheduleId, CancellationToken cancellationToken)
    {
        long key = Key(scheduleId);
        NpgsqlConnection connection = await _db.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var command = new NpgsqlCommand("SELECT pg_try_advisory_lock($1)", connection);
            command.Parameters.Add(new NpgsqlParameter { Value = key });
            if (await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is true)
            {
                return new Lease(connection, key);
            }
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        await connection.DisposeAsync().ConfigureAwait(false);
        return null;
    }

    private sealed class Lease(NpgsqlConnection connection, long key) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                await using var command = new NpgsqlCommand("SELECT pg_advisory_unlock($1)", connection);
                command.Parameters.Add(new NpgsqlParameter { Value = key });
                await command.ExecuteScalarAsync(CancellationToken.None).ConfigureAwait(false);
            }
            catch (NpgsqlException)
            {
                // the session is gone, and the lock with it
            }
            finally
            {
                await connection.DisposeAsync().ConfigureAwait(false);
            }
        }
    }
}
