using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Alpha.Signals;
using Json.Schema;

namespace Alpha.Api.Tests;

/// <summary>Signals as the worker delivered them: the latest per pair from Redis, the history from PostgreSQL, in the contract's JSON.</summary>
[Collection(ApiServerGroup.Name)]
public sealed class SignalsTests(ApiServer server) : IAsyncLifetime
{
    private static readonly JsonSchema s_schema = JsonSchema.FromFile(TestEnvironment.TestDataFile("signal.schema.json"));

    private static List<Signal> Expected => ApiServer.Pair.ExpectedSignals;

    public async Task InitializeAsync()
    {
        if (TestDatabase.IsWanted)
        {
            await Delivered.SignalsAndBarsAsync(server, Expected);
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [ServersSharedDataFact]
    public async Task Latest_IsTheLastSignalOfThePair_InTheContractsJson()
    {
        using HttpClient client = server.As("vera");

        JsonArray latest = await GetAsync<JsonArray>(client, "/api/v1/signals/latest");
        JsonArray ofModel = await GetAsync<JsonArray>(client, "/api/v1/signals/latest?model=audnzd-h4");
        JsonArray ofOther = await GetAsync<JsonArray>(client, "/api/v1/signals/latest?model=eurgbp-h1");

        JsonNode signal = Assert.Single(latest)!;
        Assert.True(s_schema.Evaluate(JsonDocument.Parse(signal.ToJsonString()).RootElement).IsValid, signal.ToJsonString());
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(SignalJson.Serialize(Expected[^1])), signal), signal.ToJsonString());
        Assert.Single(ofModel);
        Assert.Empty(ofOther);
    }

    [ServersSharedDataFact]
    public async Task History_PagesThroughEverySignal_NewestFirst_EachValid()
    {
        using HttpClient client = server.As("vera");
        var ids = new List<string>();
        string? cursor = null;
        int pages = 0;
        do
        {
            JsonObject page = await GetAsync<JsonObject>(client, "/api/v1/signals/history?limit=7" + (cursor is null ? "" : "&cursor=" + cursor));
            foreach (JsonNode? s in page["signals"]!.AsArray())
            {
                Assert.True(s_schema.Evaluate(JsonDocument.Parse(s!.ToJsonString()).RootElement).IsValid);
                ids.Add(s["id"]!.GetValue<string>());
            }

            cursor = page["next_cursor"]?.GetValue<string>();
            pages++;
        }
        while (cursor is not null && pages < 1_000);

        string[] expected = [.. Expected.OrderByDescending(s => s.Timestamp).ThenByDescending(s => s.Id, StringComparer.Ordinal).Select(s => s.Id)];
        Assert.Equal(expected, ids);
        Assert.Equal((expected.Length + 6) / 7, pages);
    }

    [ServersSharedDataFact]
    public async Task History_Filters_ByActionAndBarTime()
    {
        using HttpClient client = server.As("vera");
        DateTimeOffset from = Expected[Expected.Count / 2].Timestamp;

        JsonObject entries = await GetAsync<JsonObject>(client, "/api/v1/signals/history?limit=500&action=entry&pair=AUDUSD-NZDUSD");
        JsonObject late = await GetAsync<JsonObject>(client, $"/api/v1/signals/history?limit=500&from={Uri.EscapeDataString(from.ToString("O"))}");

        Assert.Equal(Expected.Count(s => s.Action == SignalAction.Entry), entries["signals"]!.AsArray().Count);
        Assert.All(entries["signals"]!.AsArray(), s => Assert.Equal("entry", s!["action"]!.GetValue<string>()));
        Assert.Equal(Expected.Count(s => s.Timestamp >= from), late["signals"]!.AsArray().Count);
    }

    [ServersSharedDataTheory]
    [InlineData("/api/v1/signals/history?limit=0", "limit must be in [1, 500]")]
    [InlineData("/api/v1/signals/history?limit=501", "limit must be in [1, 500]")]
    [InlineData("/api/v1/signals/history?action=buy", "action must be entry or exit")]
    [InlineData("/api/v1/signals/history?cursor=bm90LWEtY3Vyc29y", "cursor is not a cursor")]
    [InlineData("/api/v1/signals/history?from=2024-01-02T00:00:00Z&to=2024-01-01T00:00:00Z", "to must be after from")]
    [InlineData("/api/v1/signals/history?from=yesterday", "from")]
    [InlineData("/api/v1/signals/history?limit=ten", "limit")]
    public async Task History_BadQuery_IsAProblemNamingIt(string path, string problem)
    {
        using HttpClient client = server.As("vera");

        using HttpResponseMessage response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(problem, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    internal static async Task<T> GetAsync<T>(HttpClient client, string path)
        where T : JsonNode
    {
        using HttpResponseMessage response = await client.GetAsync(path);
        string body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode} {body}");
        return (T)JsonNode.Parse(body)!;
    }

    internal static async Task<(HttpStatusCode Status, JsonObject Body)> PostAsync(HttpClient client, string path, string json)
    {
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        using HttpResponseMessage response = await client.PostAsync(path, content);
        return (response.StatusCode, (JsonObject)JsonNode.Parse(await response.Content.ReadAsStringAsync())!);
    }
}
