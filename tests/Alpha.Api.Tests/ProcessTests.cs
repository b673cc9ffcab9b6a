namespace Alpha.Api.Tests;

/// <summary>The API as deployed: a process of its own, answering health, reads and Prometheus scrapes over loopback.</summary>
[Collection(ApiServerGroup.Name)]
public sealed class ProcessTests(ApiServer server)
{
    [ServersSharedDataFact]
    public async Task Process_ServesReads_AndPrometheusMetricsOfThem()
    {
        await using ApiProcess api = await ApiProcess.StartAsync(server.Settings);
        using var client = new HttpClient { BaseAddress = api.Address };
        client.DefaultRequestHeaders.Add("X-Api-Key", server.Key("vera"));

        string models = await client.GetStringAsync("/api/v1/models");
        string ready = await client.GetStringAsync("/health/ready");
        string metrics = await client.GetStringAsync("/metrics");

        Assert.Contains(ApiServer.Pair.Version, models, StringComparison.Ordinal);
        Assert.Contains("\"status\":\"healthy\"", ready, StringComparison.Ordinal);
        Assert.Contains("http_server_request_duration_seconds_bucket{", metrics, StringComparison.Ordinal);
        Assert.Contains("http_route=\"/api/v1/models/\"", metrics, StringComparison.Ordinal);
    }
}
