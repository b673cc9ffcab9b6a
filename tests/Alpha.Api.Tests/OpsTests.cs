using System.Net;
using System.Text.Json.Nodes;
using Alpha.Inference;
using Alpha.Messaging.Redis;
using Alpha.Operations;
using Alpha.Registry;
using Alpha.Storage.Postgres;
using Alpha.Worker.Tests;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using static Alpha.Api.Tests.SignalsTests;

namespace Alpha.Api.Tests;

/// <summary>Halt, resume with two approvers, flatten, rollback and retrain over HTTP — the walk docs/api.md describes.</summary>
[Collection(ApiServerGroup.Name)]
public sealed class OpsTests(ApiServer server)
{
    [ServersSharedDataFact]
    public async Task HaltThenResume_ByTwoApprovers_AsTheGuideWalksIt()
    {
        await Delivered.ClearFlagsAsync(server);
        using HttpClient alice = server.As("alice"), bob = server.As("bob"), vera = server.As("vera");

        (HttpStatusCode halted, JsonObject halt) = await PostAsync(alice, "/api/v1/ops/halt", """{"model":"audnzd-h4","level":"hard","reason":"NFP release"}""");
        JsonArray flags = await GetAsync<JsonArray>(vera, "/api/v1/ops/flags");
        OpsFlagTable inRedis = (await new RedisOpsFlagStore(server.Redis, server.Keys).ReadAsync(CancellationToken.None))!;
        (HttpStatusCode first, JsonObject pending) = await PostAsync(alice, "/api/v1/ops/resume", """{"model":"audnzd-h4","reason":"release passed"}""");
        (HttpStatusCode again, JsonObject conflict) = await PostAsync(alice, "/api/v1/ops/resume", """{"model":"audnzd-h4","reason":"release passed"}""");
        JsonArray requests = await GetAsync<JsonArray>(vera, "/api/v1/ops/requests");
        (HttpStatusCode second, JsonObject resumed) = await PostAsync(bob, "/api/v1/ops/resume", """{"model":"audnzd-h4","reason":"agreed"}""");

        Assert.Equal((HttpStatusCode.OK, "applied"), (halted, halt["outcome"]!.GetValue<string>()));
        JsonNode entry = Assert.Single(flags)!;
        Assert.Equal(("audnzd-h4", "*", true), (entry["model_id"]!.GetValue<string>(), entry["pair_id"]!.GetValue<string>(), entry["hard_halt"]!.GetValue<bool>()));
        Assert.True(inRedis.For("audnzd-h4", "AUDUSD-NZDUSD").HardHalt);      // where the worker reads it
        Assert.Equal((HttpStatusCode.Accepted, "pending"), (first, pending["outcome"]!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.Conflict, again);
        Assert.Contains("second, distinct approver", conflict["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains(requests, r => r!["id"]!.GetValue<string>() == pending["request_id"]!.GetValue<string>());
        Assert.Equal((HttpStatusCode.OK, "applied"), (second, resumed["outcome"]!.GetValue<string>()));
        Assert.Empty(await GetAsync<JsonArray>(vera, "/api/v1/ops/flags"));
        Assert.Null(await new PostgresOpsFlagStore(server.Database.DataSource).ReadAsync(CancellationToken.None));
        JsonArray audit = await GetAsync<JsonArray>(alice, "/api/v1/ops/audit?action=ops.resume&limit=3");
        Assert.Equal(["applied", "refused", "pending"], audit.Select(a => a!["record"]!["outcome"]!.GetValue<string>()));
    }

    [ServersSharedDataFact]
    public async Task RetrainRuns_ShowTheHistory_AndTwoFailedRuns_AsDisabled()
    {
        var store = new PostgresRetrainRunStore(server.Database.DataSource);
        var at = new DateTimeOffset(2026, 11, 1, 3, 0, 0, TimeSpan.Zero);
        foreach ((int month, global::Alpha.Retraining.RetrainRunStatus status) in ((int, global::Alpha.Retraining.RetrainRunStatus)[])[(0, global::Alpha.Retraining.RetrainRunStatus.Success), (1, global::Alpha.Retraining.RetrainRunStatus.Failed), (2, global::Alpha.Retraining.RetrainRunStatus.Failed)])
        {
            DateTimeOffset scheduled = at.AddMonths(month);
            await store.TryStartAsync(new global::Alpha.Retraining.RetrainRun(Guid.CreateVersion7(scheduled), "api-history", scheduled, global::Alpha.Retraining.RetrainTrigger.Scheduled, "retrain_cron '0 3 1 * *'",
                status, 3, "retrain-host", scheduled, scheduled.AddMinutes(40), scheduled.AddMinutes(40), null, null, status == global::Alpha.Retraining.RetrainRunStatus.Failed ? "CORE_RETRAIN_FAILED: IOException: disk full" : null), CancellationToken.None);
        }

        using HttpClient vera = server.As("vera");
        JsonObject history = await GetAsync<JsonObject>(vera, "/api/v1/ops/retrain/runs?model=api-history&limit=1");
        using HttpResponseMessage missing = await vera.GetAsync(new Uri("/api/v1/ops/retrain/runs", UriKind.Relative));

        Assert.Equal(("api-history", 2, 2, true), (history["model"]!.GetValue<string>(), history["consecutive_failures"]!.GetValue<int>(), history["disable_after_failures"]!.GetValue<int>(), history["disabled"]!.GetValue<bool>()));
        JsonArray runs = history["runs"]!.AsArray();
        Assert.Equal(["2027-01-01T03:00:00+00:00"], runs.Select(r => r!["scheduled_for"]!.GetValue<string>()));      // one run shown; the streak counts both
        Assert.Equal(("failed", "scheduled", 2, "CORE_RETRAIN_FAILED: IOException: disk full"),
            (runs[0]!["status"]!.GetValue<string>(), runs[0]!["trigger"]!.GetValue<string>(), runs[0]!["retry_count"]!.GetValue<int>(), runs[0]!["error"]!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
    }

    [ServersSharedDataFact]
    public async Task Halt_AsViewer_IsForbidden_AndAuditedAsDenied_NothingChanges()
    {
        await Delivered.ClearFlagsAsync(server);
        using HttpClient vera = server.As("vera");

        (HttpStatusCode status, JsonObject problem) = await PostAsync(vera, "/api/v1/ops/halt", """{"reason":"I am curious"}""");

        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Equal(403, problem["status"]!.GetValue<int>());
        Assert.Empty(await GetAsync<JsonArray>(vera, "/api/v1/ops/flags"));
        AuditEntry denied = (await new PostgresAuditLog(server.Database.DataSource).RecentAsync(OpsActions.Halt, 1, CancellationToken.None))[0];
        Assert.Equal(("vera", OperatorRole.Viewer, AuditOutcome.Denied), (denied.Record.Actor, denied.Record.Role, denied.Record.Outcome));
    }

    [ServersSharedDataTheory]
    [InlineData("/api/v1/ops/halt", """{"model":"nope","reason":"x"}""", HttpStatusCode.NotFound, "No catalogue model matches model 'nope'")]
    [InlineData("/api/v1/ops/halt", """{"model":"audnzd-h4","pair":"EURUSD-GBPUSD","reason":"x"}""", HttpStatusCode.NotFound, "No catalogue model matches")]
    [InlineData("/api/v1/ops/halt", """{"reason":""}""", HttpStatusCode.BadRequest, "reason is required")]
    [InlineData("/api/v1/ops/halt", """{"level":"medium","reason":"x"}""", HttpStatusCode.BadRequest, "level")]
    [InlineData("/api/v1/ops/halt", """{"reason":"x","colour":"red"}""", HttpStatusCode.BadRequest, "colour")]
    [InlineData("/api/v1/ops/resume", """{"reason":"x","leverage_scale":1.5}""", HttpStatusCode.BadRequest, "leverage_scale must be in (0, 1]")]
    [InlineData("/api/v1/ops/resume", """{"reason":"x","leverage_scale":"NaN"}""", HttpStatusCode.BadRequest, "leverage_scale")]
    [InlineData("/api/v1/ops/rollback", """{"model":"audnzd-h4","reason":"x"}""", HttpStatusCode.Conflict, "roll")]
    [InlineData("/api/v1/ops/flatten", "{\"model\":\"audnzd-h4\",\"reason\":\"x", HttpStatusCode.BadRequest, "")]
    public async Task Ops_BadRequests_AreProblemsNamingWhatIsWrong(string path, string body, HttpStatusCode expected, string detail)
    {
        using HttpClient ada = server.As("ada");

        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        using HttpResponseMessage response = await ada.PostAsync(path, content);

        string text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode} {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(detail, text, StringComparison.Ordinal);
    }

    [ServersSharedDataFact]
    public async Task Rollback_RepointsTheDeployedVersion_InTheWorkersRegistry()
    {
        DeployedPair pair = ApiServer.Pair;
        string root = pair.CopyModelsRoot();
        var later = new ManualTimeProvider(DateTimeOffset.UtcNow.AddDays(1));
        ModelRegistry registry = pair.Registry(root, later);
        var actor = new RegistryActor("api-tests", "quant");
        string v2 = (await registry.WriteAsync(DeployedPair.ModelId, pair.Artifacts, actor, pair.SigningKey)).Version;
        await registry.PromoteAsync(DeployedPair.ModelId, v2, actor, "test");
        await registry.ApproveAsync(DeployedPair.ModelId, v2, actor, "test");
        await registry.DeployAsync(DeployedPair.ModelId, v2, actor, "test");
        using WebApplicationFactory<Program> factory = server.Factory.WithWebHostBuilder(b => b.UseSetting("Api:ModelsRoot", root));
        using HttpClient alice = factory.CreateClient();
        alice.DefaultRequestHeaders.Add("X-Api-Key", server.Key("alice"));

        (HttpStatusCode status, JsonObject result) = await PostAsync(alice, "/api/v1/ops/rollback", """{"model":"audnzd-h4","reason":"live Sharpe -25 %"}""");
        JsonObject model = await GetAsync<JsonObject>(alice, "/api/v1/models/audnzd-h4");
        JsonArray history = await GetAsync<JsonArray>(alice, "/api/v1/models/audnzd-h4/history");

        Assert.True(status == HttpStatusCode.OK, result.ToJsonString());
        Assert.Equal(pair.Version, await pair.Registry(root).DeployedAsync(DeployedPair.ModelId));
        Assert.Equal(pair.Version, model["deployed_version"]!.GetValue<string>());
        Assert.Contains(model["versions"]!.AsArray(), v => v!["version"]!.GetValue<string>() == v2 && v["status"]!.GetValue<string>() == "rolled_back");
        Assert.Contains(history, e => e!["version"]!.GetValue<string>() == v2 && e["to"]?.GetValue<string>() == "rolled_back" && e["actor"]!.GetValue<string>() == "alice" && e["role"]!.GetValue<string>() == "approver");
    }

    [ServersSharedDataFact]
    public async Task Retrain_IsRequested_ForTheRetrainingService()
    {
        using HttpClient ed = server.As("ed");

        (HttpStatusCode status, JsonObject result) = await PostAsync(ed, "/api/v1/ops/retrain", """{"model":"audnzd-h4","reason":"win rate gap 18 pp"}""");

        Assert.Equal(HttpStatusCode.Accepted, status);
        OpsRequest request = Assert.Single(
            await new PostgresOpsRequestStore(server.Database.DataSource).PendingAsync(OpsActions.Retrain, CancellationToken.None),
            r => r.Id.ToString() == result["request_id"]!.GetValue<string>());
        Assert.Equal(("ed", "win rate gap 18 pp"), (request.RequestedBy.Name, request.Reason));
    }

    [ServersSharedDataFact]
    public async Task RevokedKey_IsRefused()
    {
        NewApiKey key = ApiKeys.Create("temp", OperatorRole.Viewer, "api-tests", DateTimeOffset.UnixEpoch);
        var store = new PostgresApiKeyStore(server.Database.DataSource);
        await store.AddAsync(key.Record, CancellationToken.None);
        using HttpClient client = server.Anonymous();
        client.DefaultRequestHeaders.Add("X-Api-Key", key.Key);

        using HttpResponseMessage before = await client.GetAsync("/api/v1/ops/flags");
        Assert.True(await store.RevokeAsync(key.Record.KeyId, DateTimeOffset.UtcNow, CancellationToken.None));
        using HttpResponseMessage after = await client.GetAsync("/api/v1/ops/flags");

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.Unauthorized), (before.StatusCode, after.StatusCode));
    }
}
