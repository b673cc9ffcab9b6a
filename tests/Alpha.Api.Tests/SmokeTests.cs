using System.Net;

namespace Alpha.Api.Tests;

[Collection(ApiServerGroup.Name)]
public sealed class SmokeTests(ApiServer server)
{
    [ServersSharedDataFact]
    public async Task Models_AsViewer_ListsTheDeployedPair()
    {
        using HttpClient client = server.As("vera");

        HttpResponseMessage response = await client.GetAsync("/api/v1/models");

        string body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        Assert.Contains(ApiServer.Pair.Version, body, StringComparison.Ordinal);
    }
}
