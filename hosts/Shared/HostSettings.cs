using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace Alpha.Hosting;

/// <summary>
/// Reads a host's settings from its configuration (appsettings.json, then the environment), each one checked as it is
/// read: a missing required key or a bad value is a <see cref="HostSettingsException"/> naming the key. Compiled into
/// every host (hosts/Shared), so the worker and the API validate alike.
/// </summary>
internal sealed class HostSettings(string host, IConfiguration root, string section)
{
    private readonly IConfigurationSection _section = root.GetSection(section);

    /// <summary>A top-level key (an environment variable such as SERVICE_ENV) that must be set.</summary>
    public string RequiredRoot(string key) =>
        root[key] is { Length: > 0 } value ? value : throw Problem(key, "is required and not set.");

    /// <summary>A top-level key, or null.</summary>
    public string? OptionalRoot(string key) => root[key] is { Length: > 0 } value ? value : null;

    /// <summary>A key of the host's section that must be set.</summary>
    public string Required(string key) =>
        _section[key] is { Length: > 0 } value ? value : throw Problem(Name(key), "is required and not set.");

    /// <summary>A key of the host's section, or null.</summary>
    public string? Optional(string key) => _section[key] is { Length: > 0 } value ? value : null;

    /// <summary>A folder that must exist, as a full path.</summary>
    public string Folder(string key)
    {
        string path = Path.GetFullPath(Required(key));
        return Directory.Exists(path) ? path : throw Problem(Name(key), $"the folder {path} does not exist.");
    }

    /// <summary>A folder that must exist when set.</summary>
    public string? OptionalFolder(string key) => Optional(key) is null ? null : Folder(key);

    /// <summary>true or false; <paramref name="fallback"/> when unset.</summary>
    public bool Bool(string key, bool fallback) => _section[key] switch
    {
        null or "" => fallback,
        "true" or "True" => true,
        "false" or "False" => false,
        string other => throw Problem(Name(key), $"'{other}' is neither true nor false."),
    };

    /// <summary>A number of seconds in [<paramref name="minimum"/>, 3600]; <paramref name="fallback"/> when unset.</summary>
    public TimeSpan Seconds(string key, double fallback, double minimum) =>
        TimeSpan.FromSeconds(Number(key, fallback, minimum, 3600, "seconds"));

    /// <summary>A number in [<paramref name="minimum"/>, <paramref name="maximum"/>]; <paramref name="fallback"/> when unset.</summary>
    public double Number(string key, double fallback, double minimum, double maximum, string unit)
    {
        string? text = _section[key];
        if (string.IsNullOrEmpty(text))
        {
            return fallback;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) && double.IsFinite(value) && value >= minimum && value <= maximum
            ? value
            : throw Problem(Name(key), $"'{text}' is not a number of {unit} in [{minimum.ToString(CultureInfo.InvariantCulture)}, {maximum.ToString(CultureInfo.InvariantCulture)}].");
    }

    /// <summary>A TCP port, or null when unset.</summary>
    public int? Port(string key) => Optional(key) is not { } text
        ? null
        : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int port) && port is > 0 and < 65536
            ? port
            : throw Problem(Name(key), $"'{text}' is not a TCP port.");

    /// <summary>REDIS_URL, checked (its password is never repeated in the error).</summary>
    public string RedisUrl(string url)
    {
        try
        {
            _ = Messaging.Redis.RedisUrl.Parse(url);
            return url;
        }
        catch (ArgumentException e)
        {
            throw Problem("REDIS_URL", WithoutName(e.Message, "REDIS_URL"));
        }
    }

    /// <summary>POSTGRES_URL, checked by parsing only (connecting waits for the first use).</summary>
    public string PostgresUrl(string url)
    {
        try
        {
            Storage.Postgres.PostgresUrl.Open(url).Dispose();
            return url;
        }
        catch (ArgumentException e)
        {
            throw Problem("POSTGRES_URL", WithoutName(e.Message, "POSTGRES_URL"));
        }
    }

    // "REDIS_URL is not …" / "REDIS_URL: the database …" → "is not …" / "the database …": the error names the key once.
    private static string WithoutName(string message, string name) =>
        message.StartsWith(name, StringComparison.Ordinal) ? message[name.Length..].TrimStart(':', ' ') : message;

    /// <summary>An error naming a key of the host's section.</summary>
    public HostSettingsException Problem(string key, string problem) => new(host, key, problem);

    /// <summary>The key's full name, <c>Section:Key</c>.</summary>
    public string Name(string key) => $"{section}:{key}";
}
