using Alpha.Operations;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Alpha.Api;

/// <summary><c>/api/v1/metrics/…</c>: seed 003's analytics as JSON.</summary>
internal static class AnalyticsEndpoints
{
    public static RouteGroupBuilder MapAnalytics(this RouteGroupBuilder api)
    {
        RouteGroupBuilder metrics = api.MapGroup("/metrics").WithTags("analytics")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        metrics.MapGet("/model", ModelAsync).RequireRole(OperatorRole.Viewer)
            .WithSummary("Every catalogue model: serving version, its status and training metrics, live scores over the last hours (default 24).");
        metrics.MapGet("/trading", TradingAsync).RequireRole(OperatorRole.Viewer)
            .WithSummary("Signals and fills delivered over the last hours (default 24), and every engine's position.");
        metrics.MapGet("/data_quality", DataQualityAsync).RequireRole(OperatorRole.Viewer)
            .WithSummary("Live bars per symbol and timeframe, their lag, and which are stale.");
        metrics.MapGet("/risk", RiskAsync).RequireRole(OperatorRole.Viewer)
            .WithSummary("The operator flags in force, the drawdown levels, and the hosts' heartbeats.");
        return metrics;
    }

    private static async Task<Results<Ok<ModelReport>, ProblemHttpResult>> ModelAsync(int? hours, OperationsAnalytics analytics, CancellationToken cancellationToken) =>
        Window(hours) is { } window ? TypedResults.Ok(await analytics.ModelsAsync(window, cancellationToken)) : BadWindow(hours);

    private static async Task<Results<Ok<TradingReport>, ProblemHttpResult>> TradingAsync(int? hours, OperationsAnalytics analytics, CancellationToken cancellationToken) =>
        Window(hours) is { } window ? TypedResults.Ok(await analytics.TradingAsync(window, cancellationToken)) : BadWindow(hours);

    private static async Task<Ok<DataQualityReport>> DataQualityAsync(OperationsAnalytics analytics, CancellationToken cancellationToken) =>
        TypedResults.Ok(await analytics.DataQualityAsync(cancellationToken));

    private static async Task<Ok<RiskReport>> RiskAsync(OperationsAnalytics analytics, CancellationToken cancellationToken) =>
        TypedResults.Ok(await analytics.RiskAsync(cancellationToken));

    private static TimeSpan? Window(int? hours) => hours switch
    {
        null => TimeSpan.FromHours(24),
        >= 1 and <= 720 => TimeSpan.FromHours(hours.Value),
        _ => null,
    };

    private static ProblemHttpResult BadWindow(int? hours) => Problems.BadRequest($"hours must be in [1, 720], not {hours}.");
}
