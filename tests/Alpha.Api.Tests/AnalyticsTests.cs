using System.Net;
using System.Text.Json.Nodes;
using Alpha.Signals;
using Alpha.Worker.Tests;
using static Alpha.Api.Tests.SignalsTests;

namespace Alpha.Api.Tests;

/// <summary>The analytics endpoints over what the worker delivered: models, trading, data quality, risk; and health.</summary>
[Collection(ApiServerGroup.Name)]
public sealed class AnalyticsTests(ApiServer server) : IAsyncLifetime
{
    public async Task InitializeAsync()
    {
        if (TestDatabase.IsWanted)
        {
            await Delivered.SignalsAndBarsAsync(server, ApiServer.Pair.ExpectedSignals);
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [ServersSharedDataFact]
    public async Task Model_ShowsTheDeployedVersion_AndItsTrainingMetrics()
    {
        using HttpClient vera = server.As("vera");

        JsonObject report = await GetAsync<JsonObject>(vera, "/api/v1/metrics/model");

        JsonNode model = Assert.Single(report["models"]!.AsArray())!;
        Assert.Equal((DeployedPair.ModelId, ApiServer.Pair.Version, "deployed"), (model["model_id"]!.GetValue<string>(), model["deployed_version"]!.GetValue<string>(), model["status"]!.GetValue<string>()));
        Assert.True(model["metrics"]!["models"]!["ai1"]!["roc_auc"]!.GetValue<double>() is > 0 and < 1);
        Assert.Equal(14_400, model["timeframe_seconds"]!.GetValue<int>());
    }

    [ServersSharedDataFact]
    public async Task Trading_CountsTheDeliveredSignals()
    {
        using HttpClient vera = server.As("vera");
        List<Signal> expected = ApiServer.Pair.ExpectedSignals;

        JsonObject report = await GetAsync<JsonObject>(vera, "/api/v1/metrics/trading?hours=1");

        JsonNode pair = Assert.Single(report["pairs"]!.AsArray())!;
        Assert.Equal(expected.Count(s => s.Action == SignalAction.Entry), pair["entries"]!.GetValue<long>());
        Assert.Equal(expected.Count(s => s.Action == SignalAction.Exit), pair["exits"]!.GetValue<long>());
        Assert.Equal(expected[^1].ModelVersion, pair["last_model_version"]!.GetValue<string>());
    }

    [ServersSharedDataFact]
    public async Task DataQuality_ShowsTheLiveBars_AndTheirLag()
    {
        using HttpClient vera = server.As("vera");

        JsonObject report = await GetAsync<JsonObject>(vera, "/api/v1/metrics/data_quality");

        JsonArray bars = report["bars"]!.AsArray();
        Assert.Equal([ApiServer.Pair.A.Symbol, ApiServer.Pair.B.Symbol], bars.Select(b => b!["symbol"]!.GetValue<string>()));
        Assert.All(bars, b => Assert.Equal(Delivered.Bars, b!["bars"]!.GetValue<long>()));
        Assert.All(bars, b => Assert.True(b!["lag_seconds"]!.GetValue<double>() > 86_400));      // years-old bars: far behind the clock
        Assert.Equal(2, report["stale"]!.AsArray().Count);
    }

    [ServersSharedDataFact]
    public async Task Risk_ShowsFlagsAndDrawdownLevels()
    {
        await Delivered.ClearFlagsAsync(server);
        using HttpClient alice = server.As("alice");
        (HttpStatusCode halted, _) = await PostAsync(alice, "/api/v1/ops/flatten", """{"model":"audnzd-h4","reason":"risk check"}""");

        JsonObject report = await GetAsync<JsonObject>(alice, "/api/v1/metrics/risk");

        Assert.Equal(HttpStatusCode.OK, halted);
        Assert.True(Assert.Single(report["flags"]!.AsArray())!["flatten"]!.GetValue<bool>());
        Assert.Equal(1.0, report["drawdown"]!["pair"]!["halt"]!.GetValue<double>());      // the relaxed dd_policy.yaml of the deployed pair
        Assert.NotNull(report["heartbeats"]);
        await Delivered.ClearFlagsAsync(server);
    }

    [ServersSharedDataFact]
    public async Task Health_LiveAndReady()
    {
        using HttpClient anonymous = server.Anonymous();

        JsonObject live = await GetAsync<JsonObject>(anonymous, "/health/live");
        JsonObject ready = await GetAsync<JsonObject>(anonymous, "/health/ready");

        Assert.Equal("healthy", live["status"]!.GetValue<string>());
        Assert.Equal(["postgres", "redis"], ready["checks"]!.AsObject().Select(c => c.Key));
        Assert.All(ready["checks"]!.AsObject(), c => Assert.Equal("healthy", c.Value!["status"]!.GetValue<string>()));
    }
}
