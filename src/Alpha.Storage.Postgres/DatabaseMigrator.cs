using System.Collections.Immutable;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace Alpha.Storage.Postgres;

/// <summary>
/// Applies the SQL migrations embedded in this package (<c>Migrations/NNNN_name.sql</c>), in order, in one transaction
/// under a transaction-scoped advisory lock: concurrent runs wait for each other, a failure applies nothing, and a
/// second run applies nothing new. Applied migrations are recorded in <c>core.schema_migrations</c> with the SHA-256 of
/// their text; one whose text changed since is refused with <see cref="MigrationException"/>.
/// </summary>
public static class DatabaseMigrator
{
    // A fixed key for pg_advisory_xact_lock: "alpha-migrations" as a number, the same in every process.
    private const long LockKey = 0x616c7068615f6d67;
    private const string ResourcePrefix = "Alpha.Storage.Postgres.Migrations.";

    /// <summary>The migrations this package carries, in version order.</summary>
    public static ImmutableArray<Migration> Embedded { get; } = LoadEmbedded();

    /// <summary>Applies the migrations the database lacks.</summary>
    /// <param name="dataSource">The database.</param>
    /// <param name="cancellationToken">Cancels the run (nothing is applied).</param>
    /// <returns>The migrations applied by this run (empty when the database was up to date).</returns>
    /// <exception cref="MigrationException">An applied migration's text changed, or a migration failed (the message names it).</exception>
    public static async Task<ImmutableArray<Migration>> MigrateAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        await using NpgsqlConnection connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using NpgsqlTransaction transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, $"SELECT pg_advisory_xact_lock({LockKey.ToString(CultureInfo.InvariantCulture)})", cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, """
            CREATE SCHEMA IF NOT EXISTS core;
            CREATE TABLE IF NOT EXISTS core.schema_migrations (
                version    integer PRIMARY KEY,
                name       text NOT NULL,
                checksum   text NOT NULL,
                applied_at timestamptz NOT NULL DEFAULT now()
            );
            """, cancellationToken).ConfigureAwait(false);

        var applied = new Dictionary<int, string>();
        await using (var read = new NpgsqlCommand("SELECT version, checksum FROM core.schema_migrations", connection))
        await using (NpgsqlDataReader reader = await read.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                applied[reader.GetInt32(0)] = reader.GetString(1);
            }
        }

        var ran = ImmutableArray.CreateBuilder<Migration>();
        foreach (Migration migration in Embedded)
        {
            if (applied.TryGetValue(migration.Version, out string? checksum))
            {
                if (checksum != migration.Checksum)
                {
                    throw new MigrationException(migration.Version,
                        $"Migration {migration.Version:D4}_{migration.Name} was applied with checksum {checksum[..12]}… but this package's text has {migration.Checksum[..12]}…: an applied migration must never change; add a new one.");
                }

                continue;
            }

            try
            {
                await ExecuteAsync(connection, migration.Sql, cancellationToken).ConfigureAwait(false);
            }
            catch (PostgresException e)
            {
                throw new MigrationException(migration.Version, $"Migration {migration.Version:D4}_{migration.Name} failed; nothing was applied: {e.MessageText}", e);
            }

            await using var record = new NpgsqlCommand("INSERT INTO core.schema_migrations (version, name, checksum) VALUES ($1, $2, $3)", connection);
            record.Parameters.Add(new NpgsqlParameter { Value = migration.Version });
            record.Parameters.Add(new NpgsqlParameter { Value = migration.Name });
            record.Parameters.Add(new NpgsqlParameter { Value = migration.Checksum });
            await record.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            ran.Add(migration);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return ran.ToImmutable();
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static ImmutableArray<Migration> LoadEmbedded()
    {
        var assembly = typeof(DatabaseMigrator).Assembly;
        var migrations = new List<Migration>();
        foreach (string resource in assembly.GetManifestResourceNames().Where(r => r.StartsWith(ResourcePrefix, StringComparison.Ordinal)))
        {
            string file = resource[ResourcePrefix.Length..^".sql".Length];
            int underscore = file.IndexOf('_', StringComparison.Ordinal);
            int version = int.Parse(file[..underscore], NumberStyles.None, CultureInfo.InvariantCulture);
            using Stream stream = assembly.GetManifestResourceStream(resource)!;
            using var text = new StreamReader(stream, Encoding.UTF8);
            string sql = text.ReadToEnd().ReplaceLineEndings("\n");
            migrations.Add(new Migration(version, file[(underscore + 1)..], Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sql))), sql));
        }

        return [.. migrations.OrderBy(m => m.Version)];
    }
}
