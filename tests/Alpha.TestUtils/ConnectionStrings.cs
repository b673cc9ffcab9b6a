namespace Alpha.TestUtils;

/// <summary>Host and port out of the server settings, for the discovery-time reachability probe.</summary>
internal static class ConnectionStrings
{
    public static (string Host, int Port) PostgresEndpoint(string connectionString)
    {
        string host = "127.0.0.1";
        int port = 5432;
        foreach (string part in connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            string[] kv = part.Split('=', 2);
            if (kv.Length != 2)
            {
                continue;
            }

            string key = kv[0].Trim();
            if (key.Equals("Host", StringComparison.OrdinalIgnoreCase) || key.Equals("Server", StringComparison.OrdinalIgnoreCase))
            {
                host = kv[1].Trim();
            }
            else if (key.Equals("Port", StringComparison.OrdinalIgnoreCase) && int.TryParse(kv[1].Trim(), out int p))
            {
                port = p;
            }
        }

        return (host, port);
    }

    public static (string Host, int Port) RedisEndpoint(string configuration)
    {
        string endpoint = configuration.Split(',', StringSplitOptions.RemoveEmptyEntries)[0].Trim();
        int colon = endpoint.LastIndexOf(':');
        return colon < 0 ? (endpoint, 6379) : (endpoint[..colon], int.Parse(endpoint[(colon + 1)..], System.Globalization.CultureInfo.InvariantCulture));
    }
}
