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
    public async Task ModelAndRisk_ShowTheNewestDegradationVerdict_WhenThereIsOne()
    {
        var store = new Alpha.Storage.Postgres.PostgresMonitoringStore(server.Database.DataSource);
        var random = new Random(11);
        double[] reference = [.. Enumerable.Range(0, 1000).Select(_ => random.NextDouble())];
        var drift = new Alpha.Monitoring.DriftReference(
            [Alpha.Monitoring.DriftDistribution.Of("z", reference)], Alpha.Monitoring.DriftDistribution.Of("return_prob", reference), Alpha.Monitoring.DriftDistribution.Of("risk_score", reference), 0.6, 0.5, 50, 0.4);
        Alpha.Monitoring.LiveCandidate[] shifted = [.. Enumerable.Range(0, 300).Select(_ => new Alpha.Monitoring.LiveCandidate([random.NextDouble() + 0.5], random.NextDouble(), random.NextDouble(), null))];
        Alpha.Monitoring.DegradationVerdict verdict = Alpha.Monitoring.DegradationCheck.Evaluate(drift, new Alpha.Monitoring.LiveWindow([.. shifted], [], []), new Alpha.Monitoring.MonitoringOptions());
        foreach ((string level, DateTimeOffset at) in (IEnumerable<(string, DateTimeOffset)>)[("ok", new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero)), ("alert", new(2026, 12, 8, 0, 0, 0, TimeSpan.Zero))])
        {
            using var json = System.Text.Json.JsonDocument.Parse(Alpha.Monitoring.DegradationVerdictJson.Write(verdict));
            await store.AppendAsync(new Alpha.Operations.MonitoringRecord(DeployedPair.ModelId, ApiServer.Pair.Version, at.AddDays(-30), at, level, level == "alert", json.RootElement.Clone()), CancellationToken.None);
        }

        using HttpClient vera = server.As("vera");
        JsonObject models = await GetAsync<JsonObject>(vera, "/api/v1/metrics/model");
        JsonObject risk = await GetAsync<JsonObject>(vera, "/api/v1/metrics/risk");

        JsonNode monitoring = Assert.Single(models["models"]!.AsArray())!["monitoring"]!;
        Assert.Equal(("alert", true, ApiServer.Pair.Version), (monitoring["level"]!.GetValue<string>(), monitoring["retrain_recommended"]!.GetValue<bool>(), monitoring["version"]!.GetValue<string>()));
        Assert.Equal("alert", monitoring["verdict"]!["psi"]![0]!["level"]!.GetValue<string>());
        Assert.Equal("insufficient", monitoring["verdict"]!["win_rate"]!["level"]!.GetValue<string>());
        Assert.Null(monitoring["verdict"]!["win_rate"]!["live_rate"]);      // not a number: null, never NaN
        Assert.Equal(DeployedPair.ModelId, Assert.Single(risk["monitoring"]!.AsArray())!["model_id"]!.GetValue<string>());
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
