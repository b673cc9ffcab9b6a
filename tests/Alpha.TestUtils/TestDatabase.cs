using System.Globalization;
using Alpha.Storage.Postgres;
using Npgsql;
using Xunit;

namespace Alpha.TestUtils;

/// <summary>
/// A throw-away PostgreSQL database for one test class (or collection), with every migration applied, on the test server (<c>ALPHA_TEST_PG</c>); dropped
/// afterwards. Outside CI with no server it is not created and the PostgreSQL cases are not generated; with
/// <c>CI=true</c> a missing server fails the class.
/// </summary>
public sealed class TestDatabase : IAsyncLifetime
{
    private readonly string _name = string.Create(CultureInfo.InvariantCulture, $"alpha_test_{Environment.ProcessId}_{Guid.NewGuid():N}");
    private NpgsqlDataSource? _dataSource;

    public static bool IsWanted => TestEnvironment.IsCi || TestEnvironment.IsPostgresReachable;

    public NpgsqlDataSource DataSource => _dataSource ?? throw new InvalidOperationException("No PostgreSQL server for the tests (set ALPHA_TEST_PG or run ./build.sh test).");

    public string ConnectionString => new NpgsqlConnectionStringBuilder(TestEnvironment.PostgresConnectionString) { Database = _name }.ConnectionString;

    public async Task InitializeAsync()
    {
        if (!IsWanted)
        {
            return;
        }

        await using (NpgsqlDataSource admin = NpgsqlDataSource.Create(TestEnvironment.PostgresConnectionString))
        await using (NpgsqlCommand create = admin.CreateCommand($"CREATE DATABASE {_name}"))
        {
            await create.ExecuteNonQueryAsync();
        }

        _dataSource = NpgsqlDataSource.Create(ConnectionString);
        await DatabaseMigrator.MigrateAsync(_dataSource);
    }

    public async Task DisposeAsync()
    {
        if (_dataSource is null)
        {
            return;
        }

        await _dataSource.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        await using NpgsqlDataSource admin = NpgsqlDataSource.Create(TestEnvironment.PostgresConnectionString);
        await using NpgsqlCommand drop = admin.CreateCommand($"DROP DATABASE IF EXISTS {_name} WITH (FORCE)");
        await drop.ExecuteNonQueryAsync();
    }

    public async Task ExecuteAsync(string sql, params object[] values)
    {
        await using NpgsqlCommand command = DataSource.CreateCommand(sql);
        foreach (object value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        await command.ExecuteNonQueryAsync();
    }
}
