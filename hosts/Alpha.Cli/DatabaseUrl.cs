using Npgsql;

namespace Alpha.Cli;

/// <summary>The PostgreSQL connection the CLI uses: <c>POSTGRES_URL</c> (a connection string or a <c>postgresql://</c> URL), never a command-line argument.</summary>
internal static class DatabaseUrl
{
    public const string Variable = "POSTGRES_URL";

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
            return NpgsqlDataSource.Create(ToConnectionString(value));
        }
        catch (Exception e) when (e is ArgumentException or FormatException)
        {
            throw new InvalidOperationException($"{Variable} is not a valid connection string or postgresql:// URL.");     // its text may hold a password: never echoed
        }
    }

    private static string ToConnectionString(string value)
    {
        if (!value.StartsWith("postgres://", StringComparison.Ordinal) && !value.StartsWith("postgresql://", StringComparison.Ordinal))
        {
            return value;
        }

        var uri = new Uri(value);
        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = uri.Host,
            Port = uri.IsDefaultPort || uri.Port <= 0 ? 5432 : uri.Port,
            Database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/')),
        };
        string[] user = uri.UserInfo.Split(':', 2);
        if (user[0].Length > 0)
        {
            builder.Username = Uri.UnescapeDataString(user[0]);
        }

        if (user.Length == 2)
        {
            builder.Password = Uri.UnescapeDataString(user[1]);
        }

        return builder.ConnectionString;
    }
}
