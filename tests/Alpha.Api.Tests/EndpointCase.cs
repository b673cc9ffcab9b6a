using Alpha.Operations;

namespace Alpha.Api.Tests;

/// <summary>
/// One endpoint of the API: its method and route template, the least role it needs (null: anonymous), the audited
/// operation it performs (null: a read), and a valid request for it.
/// </summary>
public sealed record EndpointCase(string Method, string Route, OperatorRole? Role, string? Audited, string Path, string? Body)
{
    public override string ToString() => $"{Method} {Route}";

    public HttpRequestMessage Request() => new(new HttpMethod(Method), Path)
    {
        Content = Body is null ? null : new StringContent(Body, System.Text.Encoding.UTF8, "application/json"),
    };
}
