using Npgsql;

namespace Alpha.Storage.Postgres.Tests;

public sealed class MigrationTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    [PostgresFact]
    public async Task Migrate_IsIdempotent_AndConcurrentRunsApplyOnce()
    {
        // The fixture migrated once already: nothing more to apply, from two runs at the same time.
        var runs = await Task.WhenAll(DatabaseMigrator.MigrateAsync(database.DataSource), DatabaseMigrator.MigrateAsync(database.DataSource));

        Assert.All(runs, applied => Assert.Empty(applied));
        Assert.Equal(DatabaseMigrator.Embedded.Length, await CountAsync("SELECT count(*) FROM core.schema_migrations"));
        foreach (string table in (string[])["core.model_registry", "core.model_events", "core.model_scopes"])
        {
            Assert.Equal(1, await CountAsync($"SELECT count(*) FROM (SELECT to_regclass('{table}') AS t) r WHERE t IS NOT NULL"));
        }
    }

    [PostgresFact]
    public async Task ChangedTextOfAnAppliedMigration_IsRefused()
    {
        await database.ExecuteAsync("UPDATE core.schema_migrations SET checksum = repeat('0', 64) WHERE version = 1");
        try
        {
            MigrationException refused = await Assert.ThrowsAsync<MigrationException>(() => DatabaseMigrator.MigrateAsync(database.DataSource));
            Assert.Equal(1, refused.Version);
            Assert.Contains("0001_registry", refused.Message, StringComparison.Ordinal);
        }
        finally
        {
            await database.ExecuteAsync("UPDATE core.schema_migrations SET checksum = $1 WHERE version = 1", DatabaseMigrator.Embedded[0].Checksum);
        }
    }

    [PostgresFact]
    public async Task EventsTable_IsAppendOnly()
    {
        await database.ExecuteAsync("INSERT INTO core.model_scopes (model_id, head_sequence, head_hash) VALUES ('m', 0, repeat('0', 64))");
        await database.ExecuteAsync(
            "INSERT INTO core.model_events VALUES ('m', 1, 'v', 'loaded', NULL, NULL, 'h', 'host', NULL, now(), '', repeat('0', 64), repeat('1', 64))");

        PostgresException update = await Assert.ThrowsAsync<PostgresException>(() => database.ExecuteAsync("UPDATE core.model_events SET actor = 'x'"));
        Assert.Contains("append-only", update.MessageText, StringComparison.Ordinal);
        await Assert.ThrowsAsync<PostgresException>(() => database.ExecuteAsync("DELETE FROM core.model_events"));
    }

    private async Task<long> CountAsync(string sql)
    {
        await using NpgsqlCommand command = database.DataSource.CreateCommand(sql);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
