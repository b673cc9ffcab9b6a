using System.Data.Common;
using Alpha.Configuration;
using Alpha.Operations;
using Alpha.Registry;
using Microsoft.AspNetCore.Diagnostics;
using StackExchange.Redis;

namespace Alpha.Api;

/// <summary>
/// Turns an exception into problem+json: a refused operation or invalid input is the caller's (400, 403, 404, 409), a
/// server the API needs being down is 503 (retry later); anything else is 500 and logged. Details never hold a secret.
/// </summary>
internal sealed partial class ApiExceptionHandler(IProblemDetailsService problems, ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        (int status, string title, string detail) = exception switch
        {
            OperationRefusedException { Refusal: OpsRefusal.Invalid } e => (400, "The request is not valid.", e.Message),
            OperationRefusedException { Refusal: OpsRefusal.Forbidden } e => (403, "Forbidden.", e.Message),
            OperationRefusedException { Refusal: OpsRefusal.NotFound } e => (404, "Not found.", e.Message),
            OperationRefusedException { Refusal: OpsRefusal.Conflict } e => (409, "Conflict.", e.Message),
            BadHttpRequestException e => (e.StatusCode, "The request is not valid.", e.InnerException is System.Text.Json.JsonException json ? $"{e.Message} {json.Message}" : e.Message),
            ArgumentException e => (400, "The request is not valid.", e.Message),
            ConfigException e => (400, "The model cannot serve this request.", e.Message),
            ModelVersionNotFoundException e => (404, "No version to serve.", e.Message),
            ModelVerificationException e => (409, "The version fails verification.", e.Message),
            Npgsql.PostgresException { SqlState: ['2', '2', ..] } => (400, "The request is not valid.", "A value of the request is not one the database accepts."),
            DbException or RedisException or TimeoutException => (503, "A server the API needs is unavailable.", $"{ServerOf(exception)} did not answer; retry later."),
            _ => (500, "Internal error.", "The error is logged."),
        };
        if (status >= 500)
        {
            LogFailed(logger, httpContext.Request.Method, httpContext.Request.Path, exception);
        }

        httpContext.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        });
    }

    private static string ServerOf(Exception e) => e switch
    {
        DbException => "PostgreSQL",
        RedisException => "Redis",
        _ => "A server",
    };

    [LoggerMessage(Level = LogLevel.Error, Message = "{Method} {Path} failed")]
    private static partial void LogFailed(ILogger logger, string method, string path, Exception exception);
}
