using Alpha.Inference;
using Alpha.Messaging.Redis;
using Alpha.Operations;
using Alpha.Registry;
using Alpha.Storage.Postgres;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;
using Npgsql;
using OpenTelemetry.Metrics;
using StackExchange.Redis;

namespace Alpha.Api;

/// <summary>The API's wiring: which adapter serves each interface Alpha.Operations and Alpha.Inference own.</summary>
internal static class ApiServiceCollectionExtensions
{
    private const string Credentials = "Credentials";

    /// <summary>PostgreSQL (keys, audit, requests, flags, signal history, analytics) and Redis (latest signals, flags).</summary>
    public static IServiceCollection AddAlphaStores(this IServiceCollection services, ApiSettings settings)
    {
        var keys = new RedisKeys(settings.KeyPrefix);
        services.AddSingleton(_ => PostgresUrl.Open(settings.PostgresUrl));
        services.AddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(RedisUrl.Parse(settings.RedisUrl)));
        services.AddSingleton<IApiKeyStore>(p => new PostgresApiKeyStore(p.GetRequiredService<NpgsqlDataSource>()));
        services.AddSingleton<IAuditLog>(p => new PostgresAuditLog(p.GetRequiredService<NpgsqlDataSource>()));
        services.AddSingleton<IOpsRequestStore>(p => new PostgresOpsRequestStore(p.GetRequiredService<NpgsqlDataSource>()));
        services.AddSingleton<ISignalHistory>(p => new PostgresSignalHistory(p.GetRequiredService<NpgsqlDataSource>()));
        services.AddSingleton<IMonitoringStore>(p => new PostgresMonitoringStore(p.GetRequiredService<NpgsqlDataSource>()));
        services.AddSingleton<Alpha.Retraining.IRetrainRunStore>(p => new PostgresRetrainRunStore(p.GetRequiredService<NpgsqlDataSource>()));
        services.AddSingleton<IConfigChangeStore>(p => new PostgresConfigChangeStore(p.GetRequiredService<NpgsqlDataSource>()));
        services.AddSingleton<IOperationsStore>(p => new PostgresOperationsStore(p.GetRequiredService<NpgsqlDataSource>()));
        services.AddSingleton<ILatestSignals>(p => new RedisLatestSignals(p.GetRequiredService<IConnectionMultiplexer>(), keys));
        // The durable flag store first: a failure part-way leaves PostgreSQL ahead, and the worker reloads Redis from it.
        services.AddSingleton<IReadOnlyList<IOpsFlagStore>>(p => [
            new PostgresOpsFlagStore(p.GetRequiredService<NpgsqlDataSource>()),
            new RedisOpsFlagStore(p.GetRequiredService<IConnectionMultiplexer>(), keys)]);
        return services;
    }

    /// <summary>The catalogue, the registry (the worker's: the same models root), the ops and configuration desks, analytics and predictions.</summary>
    public static IServiceCollection AddAlphaOperations(this IServiceCollection services, ApiSettings settings, ServingConfig serving)
    {
        services.AddSingleton(serving);
        services.AddSingleton(serving.Catalogue);
        services.AddSingleton(p => ModelRegistry.Embedded(
            new RegistryOptions
            {
                ModelsRoot = settings.ModelsRoot,
                Trust = settings.TrustedKeys is { } trusted ? ModelTrust.FromFolder(trusted, settings.RequireSignature) : ModelTrust.ChecksumsOnly,
            },
            p.GetRequiredService<TimeProvider>()));
        services.AddSingleton(p => new OpsDesk(
            new OpsDeskOptions { ResumeApprovalWindow = settings.ResumeApprovalWindow },
            serving.Catalogue,
            p.GetRequiredService<ModelRegistry>(),
            p.GetRequiredService<IReadOnlyList<IOpsFlagStore>>(),
            p.GetRequiredService<IOpsRequestStore>(),
            p.GetRequiredService<IAuditLog>(),
            p.GetRequiredService<TimeProvider>(),
            p.GetRequiredService<ILogger<OpsDesk>>()));
        services.AddSingleton(p => new ConfigDesk(
            settings.Configs, p.GetRequiredService<IConfigChangeStore>(), new OpsDeskOptions(), p.GetRequiredService<TimeProvider>(), p.GetRequiredService<ILogger<ConfigDesk>>()));
        services.AddSingleton(p => new OperationsAnalytics(
            serving.Catalogue, p.GetRequiredService<ModelRegistry>(), p.GetRequiredService<IOperationsStore>(), p.GetRequiredService<OpsDesk>(), serving.Drawdown, p.GetRequiredService<TimeProvider>(),
            p.GetRequiredService<IMonitoringStore>()));
        services.AddSingleton(p => new ModelPredictions(serving.Kinds, p.GetRequiredService<ModelRegistry>(), serving.Engines with { OpsFlags = new StaticOpsFlags() }));
        services.AddSingleton(p => new ApiKeyAuthenticator(p.GetRequiredService<IApiKeyStore>(), p.GetRequiredService<TimeProvider>(), settings.KeyCache));
        return services;
    }

    /// <summary>API keys always; JWT bearer tokens when configured; one policy per role; denied operations audited.</summary>
    public static IServiceCollection AddAlphaAuthentication(this IServiceCollection services, ApiSettings settings)
    {
        AuthenticationBuilder authentication = services.AddAuthentication(Credentials)
            .AddPolicyScheme(Credentials, "API key or JWT bearer", o => o.ForwardDefaultSelector = context =>
                settings.Jwt is not null && context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? JwtBearerDefaults.AuthenticationScheme
                    : ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        if (settings.Jwt is { } jwt)
        {
            authentication.AddJwtBearer(o =>
            {
                o.MapInboundClaims = false;
                o.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = jwt.Issuer,
                    ValidAudience = jwt.Audience,
                    IssuerSigningKey = new SymmetricSecurityKey(jwt.SigningKey),
                    ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
                    NameClaimType = OperatorClaims.Name,
                    RoleClaimType = OperatorClaims.Role,
                    ClockSkew = TimeSpan.FromSeconds(30),
                };
            });
        }

        services.AddAuthorization(RolePolicies.Add);
        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler, DeniedAuditing>();
        return services;
    }

    /// <summary>problem+json for every error, including 401, 403, 404 and 405 without a body of their own.</summary>
    public static IServiceCollection AddAlphaProblemDetails(this IServiceCollection services) =>
        services.AddProblemDetails().AddExceptionHandler<ApiExceptionHandler>()
            .Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);     // binding failures reach the handler, which names the parameter

    /// <summary>Liveness (the process answers) and readiness (PostgreSQL and Redis answer).</summary>
    public static IServiceCollection AddAlphaHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<PostgresHealthCheck>("postgres", tags: ["ready"])
            .AddCheck<RedisHealthCheck>("redis", tags: ["ready"]);
        return services;
    }

    /// <summary>Prometheus metrics through OpenTelemetry: ASP.NET Core's request and connection meters.</summary>
    public static IServiceCollection AddAlphaMetrics(this IServiceCollection services)
    {
        services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter("Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "Microsoft.AspNetCore.RateLimiting", "Microsoft.AspNetCore.Authorization")
            .AddPrometheusExporter());
        return services;
    }

    /// <summary>The OpenAPI document (committed as docs/openapi.json) with the API-key and bearer schemes.</summary>
    public static IServiceCollection AddAlphaOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(o => o.AddDocumentTransformer<OpenApiSecurity>());
}
