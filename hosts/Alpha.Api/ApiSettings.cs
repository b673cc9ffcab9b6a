using Alpha.Hosting;
using Microsoft.Extensions.Configuration;

namespace Alpha.Api;

/// <summary>
/// The API's settings, from appsettings.json and the environment (docs/api.md lists every key), validated at start-up:
/// a missing or invalid one is a <see cref="HostSettingsException"/> naming it, and the API does not start. Connection
/// strings and the JWT signing key are never logged.
/// </summary>
internal sealed record ApiSettings
{
    public required string ServiceEnv { get; init; }

    public required string PostgresUrl { get; init; }

    public required string RedisUrl { get; init; }

    public required string ModelsRoot { get; init; }

    public required string Catalogue { get; init; }

    public required string Configs { get; init; }

    public string? TrustedKeys { get; init; }

    public required bool RequireSignature { get; init; }

    public required string KeyPrefix { get; init; }

    /// <summary>How long a valid API key is remembered (a revocation takes effect within it).</summary>
    public required TimeSpan KeyCache { get; init; }

    /// <summary>How long a resume waits for its second approver.</summary>
    public required TimeSpan ResumeApprovalWindow { get; init; }

    /// <summary>Calls per operator and minute on the endpoints that change state or compute (0: no limit).</summary>
    public required int PermitsPerMinute { get; init; }

    /// <summary>JWT bearer tokens are accepted when set.</summary>
    public JwtSettings? Jwt { get; init; }

    public static ApiSettings Read(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var api = new HostSettings("alpha-api", configuration, "Api");
        bool requireSignature = api.Bool("RequireSignature", true);
        return new ApiSettings
        {
            ServiceEnv = api.RequiredRoot("SERVICE_ENV"),
            PostgresUrl = api.PostgresUrl(api.RequiredRoot("POSTGRES_URL")),
            RedisUrl = api.RedisUrl(api.RequiredRoot("REDIS_URL")),
            ModelsRoot = api.Folder("ModelsRoot"),
            Catalogue = api.Folder("Catalogue"),
            Configs = api.Folder("Configs"),
            TrustedKeys = requireSignature ? api.Folder("TrustedKeys") : api.OptionalFolder("TrustedKeys"),
            RequireSignature = requireSignature,
            KeyPrefix = api.Optional("KeyPrefix") ?? "",
            KeyCache = TimeSpan.FromSeconds(api.Number("KeyCacheSeconds", 30, 0, 600, "seconds")),
            ResumeApprovalWindow = TimeSpan.FromMinutes(api.Number("ResumeApprovalMinutes", 60, 1, 10_080, "minutes")),
            PermitsPerMinute = (int)api.Number("RateLimit:PermitsPerMinute", 60, 0, 1_000_000, "calls"),
            Jwt = JwtSettings.Read(new HostSettings("alpha-api", configuration, "Api:Jwt")),
        };
    }
}
