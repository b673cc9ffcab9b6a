using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Alpha.Api;

/// <summary>
/// The rate limit of the endpoints that change state or compute (operations, predictions): a fixed window of
/// <see cref="ApiSettings.PermitsPerMinute"/> calls per operator and minute, 429 beyond; none when it is 0.
/// </summary>
internal static class RateLimits
{
    public const string Mutating = "mutating";

    /// <summary>Documents the problems of an endpoint that changes state or computes: invalid (400), unknown (404), conflicting (409), too many (429).</summary>
    public static RouteHandlerBuilder ProducesMutationProblems(this RouteHandlerBuilder builder) => builder
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status409Conflict)
        .ProducesProblem(StatusCodes.Status429TooManyRequests);

    public static IServiceCollection AddAlphaRateLimits(this IServiceCollection services, ApiSettings settings) =>
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(Mutating, context =>
            {
                string caller = OperatorClaims.From(context.User)?.Name ?? context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
                return settings.PermitsPerMinute == 0
                    ? RateLimitPartition.GetNoLimiter(caller)
                    : RateLimitPartition.GetFixedWindowLimiter(caller, _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = settings.PermitsPerMinute,
                        Window = TimeSpan.FromMinutes(1),
                        QueueLimit = 0,
                    });
            });
            options.OnRejected = async (context, cancellationToken) =>
            {
                IProblemDetailsService problems = context.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>();
                await problems.WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context.HttpContext,
                    ProblemDetails = { Status = StatusCodes.Status429TooManyRequests, Title = "Too many requests.", Detail = $"At most {settings.PermitsPerMinute} calls a minute to this endpoint; retry later." },
                });
            };
        });
}
