using StackExchange.Redis;

namespace Alpha.Messaging.Redis;

/// <summary>
/// <c>REDIS_URL</c> as hosts accept it: a URL (<c>redis://[[user]:password@]host[:port][/db]</c>) or StackExchange.Redis'
/// own configuration string (<c>host:port,password=…</c>). Errors never echo the value (it may hold a password).
/// </summary>
public static class RedisUrl
{
    /// <summary>The environment variable hosts read.</summary>
    public const string Variable = "REDIS_URL";

    /// <summary>
    /// The client options of <paramref name="url"/>, with <see cref="ConfigurationOptions.AbortOnConnectFail"/> off: a
    /// host keeps running while Redis is down (the worker's outbox holds) and the client reconnects by itself.
    /// </summary>
    /// <exception cref="ArgumentException">The value is empty, or neither a redis:// URL nor a configuration string.</exception>
    public static ConfigurationOptions Parse(string url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            throw new ArgumentException($"{Variable} is empty.");
        }

        ConfigurationOptions options;
        if (url.StartsWith("redis://", StringComparison.OrdinalIgnoreCase))
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out Uri? uri) || uri.Host.Length == 0)
            {
                throw new ArgumentException($"{Variable} is not a redis://host:port URL.");
            }

            options = new ConfigurationOptions();
            options.EndPoints.Add(uri.Host, uri.IsDefaultPort ? 6379 : uri.Port);
            if (uri.UserInfo.Length > 0)
            {
                string[] parts = Uri.UnescapeDataString(uri.UserInfo).Split(':', 2);
                (options.User, options.Password) = parts.Length == 2 ? (parts[0].Length > 0 ? parts[0] : null, parts[1]) : (null, parts[0]);
            }

            if (uri.AbsolutePath.Trim('/') is { Length: > 0 } db)
            {
                options.DefaultDatabase = int.TryParse(db, System.Globalization.CultureInfo.InvariantCulture, out int n) ? n : throw new ArgumentException($"{Variable}: the database after '/' is not a number.");
            }
        }
        else
        {
            try
            {
                options = ConfigurationOptions.Parse(url);
            }
            catch (ArgumentException)
            {
                throw new ArgumentException($"{Variable} is neither a redis:// URL nor a StackExchange.Redis configuration string.");
            }
        }

        options.AbortOnConnectFail = false;
        return options;
    }
}
