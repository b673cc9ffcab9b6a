using Npgsql;

namespace Alpha.Repository.Tests;

/// <summary>The pattern every PostgreSQL adapter test follows: a real server (ALPHA_TEST_PG), work in a transaction.</summary>
public sealed class PostgresServerTests
{
    [PostgresFact]
    public async Task Transaction_CreatesSchemaAndTable_RollbackLeavesNothing()
    {
        string schema = "alpha_smoke_" + Guid.NewGuid().ToString("N")[..12];
        await using var connection = new NpgsqlConnection(TestEnvironment.PostgresConnectionString);
        await connection.OpenAsync();

        await using (NpgsqlTransaction transaction = await connection.BeginTransactionAsync())
        {
            await using var create = new NpgsqlCommand($"CREATE SCHEMA {schema}; CREATE TABLE {schema}.bars (t timestamptz PRIMARY KEY, close double precision NOT NULL);", connection, transaction);
            await create.ExecuteNonQueryAsync();

            await using var insert = new NpgsqlCommand($"INSERT INTO {schema}.bars VALUES (@t, @close)", connection, transaction);
            insert.Parameters.AddWithValue("t", new DateTime(2024, 1, 2, 4, 0, 0, DateTimeKind.Utc));
            insert.Parameters.AddWithValue("close", 0.65432);
            Assert.Equal(1, await insert.ExecuteNonQueryAsync());

            await using var read = new NpgsqlCommand($"SELECT close FROM {schema}.bars", connection, transaction);
            Assert.Equal(0.65432, (double)(await read.ExecuteScalarAsync())!);

            await transaction.RollbackAsync();
        }

        await using var exists = new NpgsqlCommand("SELECT count(*) FROM information_schema.schemata WHERE schema_name = @s", connection);
        exists.Parameters.AddWithValue("s", schema);
        Assert.Equal(0L, (long)(await exists.ExecuteScalarAsync())!);
    }
}
