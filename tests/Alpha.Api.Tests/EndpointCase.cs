using Alpha.Operations;

namespace Alpha.Api.Tests;

/// <summary>
/// One endpoint of the API: its method and route template, the least role it needs (null: anonymous), the audited
/// operation it performs (null: a read), and a valid request for it.
/// </summary>
public sealed record EndpointCase(string Method, string Route, OperatorRole? Role, string? Audited, string Path, string? Body)
{
    public override string ToString() => $"{Method} {Route}";

    /// <summary>The request, with <c>{change}</c> in the path standing for <paramref name="change"/> (a configuration change's id).</summary>
    public HttpRequestMessage Request(Guid change = default) => new(new HttpMethod(Method), Path.Replace("{change}", change.ToString(), StringComparison.Ordinal))
    {
        Content = Body is null ? null : new StringContent(Body, System.Text.Encoding.UTF8, "application/json"),
    };
}
