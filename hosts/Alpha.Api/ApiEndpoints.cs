using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Scalar.AspNetCore;

namespace Alpha.Api;

/// <summary>Every route of the API: <c>/api/v1/…</c>, health, Prometheus metrics, the OpenAPI document and its reference UI.</summary>
internal static class ApiEndpoints
{
    private static readonly HttpMethodMetadata s_get = new(["GET"]);

    public static WebApplication MapAlphaApi(this WebApplication app)
    {
        RouteGroupBuilder api = app.MapGroup("/api/v1")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        api.MapGet("/me", (HttpContext context) => TypedResults.Ok(OperatorClaims.Require(context.User))).RequireRole(Alpha.Operations.OperatorRole.Viewer)
            .WithTags("operator").WithSummary("Who the credentials name, and their role (the operations page shows the buttons the role allows).");
        api.MapModels();
        api.MapSignals();
        api.MapOps();
        api.MapConfigs();
        api.MapAnalytics();
        return app;
    }

    public static WebApplication MapHealth(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteAsync }).WithMetadata(s_get);
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready"), ResponseWriter = WriteAsync }).WithMetadata(s_get);
        return app;
    }

    public static WebApplication MapMetrics(this WebApplication app)
    {
        app.MapPrometheusScrapingEndpoint().WithMetadata(s_get);
        return app;
    }

    /// <summary>The operations page at <c>/</c> (wwwroot: static files, no inline script, a strict content security policy).</summary>
    public static WebApplication MapOperationsPage(this WebApplication app)
    {
        app.UseDefaultFiles();
        app.UseStaticFiles(new StaticFileOptions
        {
            OnPrepareResponse = file =>
            {
                file.Context.Response.Headers.ContentSecurityPolicy = "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";
                file.Context.Response.Headers.XContentTypeOptions = "nosniff";
                file.Context.Response.Headers.CacheControl = "no-cache";
            },
        });
        return app;
    }

    public static WebApplication MapDocumentation(this WebApplication app)
    {
        app.MapOpenApi();
        app.MapScalarApiReference("/docs", o => o.WithTitle("Alpha.Libraries API"));
        return app;
    }

    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        return JsonSerializer.SerializeAsync(context.Response.Body, new
        {
            status = report.Status.ToString().ToLowerInvariant(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString().ToLowerInvariant(), description = e.Value.Description }),
        });
    }
}
