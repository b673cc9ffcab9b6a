using Alpha.Storage.Postgres;
using Npgsql;

namespace Alpha.Cli;

/// <summary>The PostgreSQL connection the CLI uses: <c>POSTGRES_URL</c> (a connection string or a <c>postgresql://</c> URL), never a command-line argument.</summary>
internal static class DatabaseUrl
{
    public const string Variable = PostgresUrl.Variable;

    /// <exception cref="InvalidOperationException">POSTGRES_URL is not set or not a connection string (the message never shows its value).</exception>
    public static NpgsqlDataSource Open()
    {
        string? value = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new InvalidOperationException($"{Variable} is not set: export it as a connection string (Host=…;Database=…;Username=…) or a postgresql:// URL.");
        }

        try
        {
            return PostgresUrl.Open(value);
        }
        catch (ArgumentException e)
        {
            throw new InvalidOperationException(e.Message);
        }
    }
}
