using System.Net;
using System.Text.Json.Nodes;
using Alpha.Training;
using static Alpha.Api.Tests.SignalsTests;

namespace Alpha.Api.Tests;

/// <summary>The configuration workflow over HTTP — the walk docs/api.md describes — and the equity curve and page the operations page needs.</summary>
[Collection(ApiServerGroup.Name)]
public sealed class ConfigsTests(ApiServer server)
{
    private const string Theta = """{"reason":"wider AI1 range","edits":[{"file":"core_policy.yaml","key":"theta.theta1_range","value":"[0.58, 0.88]"}]}""";

    [ServersSharedDataFact]
    public async Task ThetaRange_ProposedByAnEditor_AppliesAfterTwoDistinctApprovers()
    {
        using HttpClient ed = server.As("ed"), alice = server.As("alice"), bob = server.As("bob"), vera = server.As("vera");

        (HttpStatusCode proposedStatus, JsonObject proposed) = await PostAsync(ed, "/api/v1/configs/propose", Theta);
        string id = proposed["id"]!.GetValue<string>();
        JsonArray pending = await GetAsync<JsonArray>(vera, "/api/v1/configs?status=proposed");
        (HttpStatusCode byEditor, _) = await PostAsync(ed, $"/api/v1/configs/{id}/approve", "");
        (HttpStatusCode first, JsonObject once) = await PostAsync(alice, $"/api/v1/configs/{id}/approve", "");
        (HttpStatusCode again, JsonObject twice) = await PostAsync(alice, $"/api/v1/configs/{id}/approve", "");
        (HttpStatusCode early, _) = await PostAsync(alice, $"/api/v1/configs/{id}/apply", "");
        (HttpStatusCode second, JsonObject approved) = await PostAsync(bob, $"/api/v1/configs/{id}/approve", "");
        (HttpStatusCode appliedStatus, JsonObject applied) = await PostAsync(bob, $"/api/v1/configs/{id}/apply", "");
        JsonArray files = await GetAsync<JsonArray>(vera, "/api/v1/configs/files");

        Assert.Equal(HttpStatusCode.Created, proposedStatus);
        Assert.Equal((2, "proposed"), (proposed["required_approvals"]!.GetValue<int>(), proposed["status"]!.GetValue<string>()));
        JsonNode diff = Assert.Single(proposed["diff"]!.AsArray())!;
        Assert.Equal(("theta.theta1_range", "[0.60, 0.85]", "[0.58, 0.88]", true), (diff["key"]!.GetValue<string>(), diff["before"]!.GetValue<string>(), diff["after"]!.GetValue<string>(), diff["high_risk"]!.GetValue<bool>()));
        Assert.Contains(pending, c => c!["id"]!.GetValue<string>() == id);
        Assert.Equal(HttpStatusCode.Forbidden, byEditor);
        Assert.Equal((HttpStatusCode.OK, "proposed"), (first, once["status"]!.GetValue<string>()));
        Assert.Equal((HttpStatusCode.Conflict, HttpStatusCode.Conflict), (again, early));
        Assert.Contains("distinct approver", twice["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal((HttpStatusCode.OK, "approved"), (second, approved["status"]!.GetValue<string>()));
        Assert.Equal((HttpStatusCode.OK, "applied", "bob"), (appliedStatus, applied["status"]!.GetValue<string>(), applied["applied_by"]!.GetValue<string>()));
        string core = files.Single(f => f!["name"]!.GetValue<string>() == PolicyLoader.CoreFile)!["text"]!.GetValue<string>();
        Assert.Contains("theta1_range: [0.58, 0.88]", core, StringComparison.Ordinal);
        Assert.Equal((0.58, 0.88), (PolicyLoader.Load(server.Configs).ThetaSearch.Theta1Low, PolicyLoader.Load(server.Configs).ThetaSearch.Theta1High));

        (HttpStatusCode rolledBack, JsonObject back) = await PostAsync(alice, $"/api/v1/configs/{id}/rollback", """{"reason":"back to the trained range"}""");
        Assert.Equal((HttpStatusCode.OK, "rolled_back"), (rolledBack, back["status"]!.GetValue<string>()));
        Assert.Contains("theta1_range: [0.60, 0.85]", File.ReadAllText(Path.Combine(server.Configs, PolicyLoader.CoreFile)), StringComparison.Ordinal);
        JsonArray trail = await GetAsync<JsonArray>(alice, $"/api/v1/configs/audit?change={id}");
        Assert.Equal(
            ["configs.rollback", "configs.apply", "configs.approve", "configs.apply", "configs.approve", "configs.approve", "configs.propose"],
            trail.Select(e => e!["record"]!["record"]!["action"]!.GetValue<string>()));      // newest first; ed's denied approval names no change
    }

    [ServersSharedDataTheory]
    [InlineData("""{"reason":"x","edits":[{"file":"core_policy.yaml","key":"theta.theta1_range","value":"[0.9, 0.6]"}]}""", "core_policy.yaml: theta.theta1_range")]
    [InlineData("""{"reason":"x","edits":[{"file":"core_policy.yaml","key":"theta.nope","value":"1"}]}""", "core_policy.yaml: theta.nope: no such key")]
    [InlineData("""{"reason":"x","files":[{"name":"/etc/passwd","text":"a: 1"}]}""", "not a policy file")]
    [InlineData("""{"reason":"x","files":[{"name":"dd_policy.yaml","text":"pair: [unclosed"}]}""", "dd_policy.yaml")]
    [InlineData("""{"reason":"x","files":[{"name":"dd_policy.yaml","text":"a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\nf: [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]"}]}""", "more than 100000 values")]
    [InlineData("""{"reason":"","edits":[{"file":"retrain_policy.yaml","key":"cross_validation.folds","value":"8"}]}""", "reason is required")]
    public async Task BadProposals_Are400_NamingWhatIsWrong(string body, string expected)
    {
        using HttpClient ed = server.As("ed");

        (HttpStatusCode status, JsonObject problem) = await PostAsync(ed, "/api/v1/configs/propose", body);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(expected, problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [ServersSharedDataFact]
    public async Task Validate_ReportsTheProblem_AndTheDiff_WithoutStoringAnything()
    {
        using HttpClient ed = server.As("ed");

        (HttpStatusCode status, JsonObject validation) = await PostAsync(ed, "/api/v1/configs/validate", """{"edits":[{"file":"dd_policy.yaml","key":"pair.halt","value":"0.2"}]}""");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.False(validation["valid"]!.GetValue<bool>());
        Assert.Equal(("dd_policy.yaml", "pair"), (validation["problem"]!["file"]!.GetValue<string>(), validation["problem"]!["key"]!.GetValue<string>()[..4]));
        Assert.True(validation["high_risk"]!.GetValue<bool>());
    }

    [ServersSharedDataFact]
    public async Task Equity_IsTheDeployedVersionsOutOfSampleCurve()
    {
        using HttpClient vera = server.As("vera");

        JsonObject curve = await GetAsync<JsonObject>(vera, "/api/v1/models/audnzd-h4/equity");
        using HttpResponseMessage unknown = await vera.GetAsync(new Uri("/api/v1/models/nope/equity", UriKind.Relative));

        Assert.Equal(ApiServer.Pair.Version, curve["version"]!.GetValue<string>());
        JsonArray daily = curve["daily"]!.AsArray();
        Assert.True(daily.Count > 1000, $"{daily.Count} days");
        string[] days = [.. daily.Select(d => d!["day"]!.GetValue<string>())];
        Assert.Equal(days.Order(StringComparer.Ordinal), days);
        Assert.All(daily, d => Assert.True(double.IsFinite(d!["equity"]!.GetValue<double>())));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [ServersSharedDataFact]
    public async Task OperationsPage_IsServedAtTheRoot_WithAStrictContentSecurityPolicy()
    {
        using HttpClient anonymous = server.Anonymous();

        using HttpResponseMessage page = await anonymous.GetAsync(new Uri("/", UriKind.Relative));
        string html = await page.Content.ReadAsStringAsync();
        using HttpResponseMessage script = await anonymous.GetAsync(new Uri("/ops.js", UriKind.Relative));

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (page.StatusCode, script.StatusCode));
        Assert.Contains("<script src=\"ops.js\" defer></script>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.StartsWith("default-src 'self'", page.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }
}
