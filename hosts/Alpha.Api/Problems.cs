using Microsoft.AspNetCore.Http.HttpResults;

namespace Alpha.Api;

/// <summary>problem+json answers (RFC 9457) with a detail an operator can act on.</summary>
internal static class Problems
{
    public static ProblemHttpResult BadRequest(string detail) => TypedResults.Problem(detail, statusCode: StatusCodes.Status400BadRequest, title: "The request is not valid.");

    public static ProblemHttpResult NotFound(string detail) => TypedResults.Problem(detail, statusCode: StatusCodes.Status404NotFound, title: "Not found.");
}
