using Npgsql;

namespace Alpha.Storage.Postgres;

/// <summary>
/// <c>POSTGRES_URL</c> as hosts accept it: an Npgsql connection string (<c>Host=…;Database=…;Username=…</c>) or a
/// <c>postgres://</c> / <c>postgresql://</c> URL. Errors never echo the value (it may hold a password).
/// </summary>
public static class PostgresUrl
{
    /// <summary>The environment variable hosts read.</summary>
    public const string Variable = "POSTGRES_URL";

    /// <summary>A data source for <paramref name="value"/>.</summary>
    /// <exception cref="ArgumentException">The value is empty, or neither a connection string nor a postgres URL.</exception>
    public static NpgsqlDataSource Open(string value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException($"{Variable} is empty.");
        }

        try
        {
            return NpgsqlDataSource.Create(ToConnectionString(value));
        }
        catch (Exception e) when (e is ArgumentException or FormatException or UriFormatException)
        {
            throw new ArgumentException($"{Variable} is not a valid connection string or postgresql:// URL.");     // its value is never echoed
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
