using StackExchange.Redis;

namespace Alpha.Worker;

/// <summary>
/// <c>REDIS_URL</c> as StackExchange.Redis options: a URL (<c>redis://[:password@]host[:port][/db]</c>) or the client's
/// own configuration string (<c>host:port,password=…</c>). The worker keeps running while Redis is down (the outbox
/// holds), so connecting never aborts.
/// </summary>
internal static class RedisUrl
{
    public static ConfigurationOptions Parse(string url)
    {
        ConfigurationOptions options;
        if (url.StartsWith("redis://", StringComparison.OrdinalIgnoreCase))
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out Uri? uri) || uri.Host.Length == 0)
            {
                throw new WorkerSettingsException("REDIS_URL", "is not a redis://host:port URL.");
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
                options.DefaultDatabase = int.TryParse(db, System.Globalization.CultureInfo.InvariantCulture, out int n) ? n : throw new WorkerSettingsException("REDIS_URL", "the database after '/' is not a number.");
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
                throw new WorkerSettingsException("REDIS_URL", "is neither a redis:// URL nor a StackExchange.Redis configuration string.");
            }
        }

        options.AbortOnConnectFail = false;
        return options;
    }
}
