using System.Net;
using Alpha.Operations;
using Alpha.Storage.Postgres;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Alpha.Api.Tests;

/// <summary>
/// Every endpoint, from one table: 401 without a key (problem+json), 403 with the role below its own (audited as denied
/// when it performs an operation), allowed with its role (and audited then).
/// </summary>
[Collection(ApiServerGroup.Name)]
public sealed class EndpointTableTests(ApiServer server)
{
    public static TheoryData<string> Cases => [.. Endpoints.All.Select(e => e.ToString())];

    [ServersSharedDataFact]
    public void App_MapsExactlyTheEndpointsOfTheTable()
    {
        using HttpClient _ = server.Anonymous();     // starts the app
        string[] mapped = [.. server.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["*"]).Select(m => $"{m} {Normalise(e.RoutePattern.RawText)}"))
            .Distinct()
            .Order(StringComparer.Ordinal)];

        Assert.Equal(Endpoints.All.Select(e => e.ToString()).Order(StringComparer.Ordinal), mapped);
    }

    [ServersSharedDataTheory]
    [MemberData(nameof(Cases))]
    public async Task Endpoint_IsRoleChecked_AndAuditedWhenAllowed(string name)
    {
        EndpointCase endpoint = Endpoints.All.Single(e => e.ToString() == name);
        if (endpoint.Role is not { } role)
        {
            using HttpClient anonymous = server.Anonymous();
            using HttpResponseMessage open = await anonymous.SendAsync(endpoint.Request(server.TableChange));
            Assert.Equal(HttpStatusCode.OK, open.StatusCode);
            return;
        }

        using (HttpClient anonymous = server.Anonymous())
        using (HttpResponseMessage unauthenticated = await anonymous.SendAsync(endpoint.Request(server.TableChange)))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, unauthenticated.StatusCode);
            Assert.Equal("application/problem+json", unauthenticated.Content.Headers.ContentType?.MediaType);
        }

        using (HttpClient forged = server.Anonymous())
        {
            forged.DefaultRequestHeaders.Add("X-Api-Key", server.Forged("ada"));
            using HttpResponseMessage wrongSecret = await forged.SendAsync(endpoint.Request(server.TableChange));
            Assert.Equal(HttpStatusCode.Unauthorized, wrongSecret.StatusCode);
        }

        if (role > OperatorRole.Viewer)
        {
            string lower = Endpoints.OperatorOf(role - 1);
            using HttpClient client = server.As(lower);
            using HttpResponseMessage forbidden = await client.SendAsync(endpoint.Request(server.TableChange));
            Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
            Assert.Equal("application/problem+json", forbidden.Content.Headers.ContentType?.MediaType);
            if (endpoint.Audited is { } action)
            {
                AuditRecord denied = await LastAuditAsync(action);
                Assert.Equal((lower, AuditOutcome.Denied), (denied.Actor, denied.Outcome));
            }
        }

        string allowed = Endpoints.OperatorOf(role);
        using (HttpClient client = server.As(allowed))
        using (HttpResponseMessage response = await client.SendAsync(endpoint.Request(server.TableChange)))
        {
            string body = await response.Content.ReadAsStringAsync();
            Assert.True((int)response.StatusCode is >= 200 and < 300 or 409, $"{name} as {allowed}: {(int)response.StatusCode} {body}");
            if (endpoint.Audited is { } action)
            {
                AuditRecord audited = await LastAuditAsync(action);
                Assert.Equal(allowed, audited.Actor);
                Assert.NotEqual(AuditOutcome.Denied, audited.Outcome);
            }
        }
    }

    // Configuration actions are audited in audit.config_changes, the others in audit.analytics_actions.
    private async Task<AuditRecord> LastAuditAsync(string action) => action.StartsWith("configs.", StringComparison.Ordinal)
        ? (await new PostgresConfigChangeStore(server.Database.DataSource).HistoryAsync(null, 1000, CancellationToken.None)).First(e => e.Record.Record.Action == action).Record.Record
        : (await new PostgresAuditLog(server.Database.DataSource).RecentAsync(action, 1, CancellationToken.None))[0].Record;

    private static string Normalise(string? route) => "/" + (route ?? "").TrimStart('/');
}
