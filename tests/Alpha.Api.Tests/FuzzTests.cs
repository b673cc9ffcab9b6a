using System.Net;
using System.Text;
using Alpha.Worker.Tests;

namespace Alpha.Api.Tests;

/// <summary>
/// 8,100 fuzzed bodies, 900 for each endpoint that takes one, as an admin with no rate limit (its own server: the
/// bodies that happen to be valid change its flags): every answer is below 500, and every body that is not JSON of the
/// endpoint's shape is a 4xx problem.
/// </summary>
public sealed class FuzzTests(ApiServer server) : IClassFixture<ApiServer>
{
    private const int PerEndpoint = 900;

    private static readonly (string Path, string Valid)[] s_targets =
    [
        ($"/api/v1/models/{DeployedPair.ModelId}/predict", Endpoints.FeatureRow()),
        ("/api/v1/ops/halt", """{"model":"audnzd-h4","pair":"*","level":"soft","reason":"fuzz"}"""),
        ("/api/v1/ops/flatten", """{"model":"audnzd-h4","pair":"*","reason":"fuzz"}"""),
        ("/api/v1/ops/resume", """{"model":"audnzd-h4","pair":"*","reason":"fuzz","leverage_scale":0.5}"""),
        ("/api/v1/ops/rollback", """{"model":"audnzd-h4","reason":"fuzz"}"""),
        ("/api/v1/ops/retrain", """{"model":"audnzd-h4","reason":"fuzz"}"""),
        ("/api/v1/configs/validate", Endpoints.FoldsEdit(null)),
        ("/api/v1/configs/propose", Endpoints.FoldsEdit("fuzz")),
        ($"/api/v1/configs/{Guid.Empty}/rollback", """{"reason":"fuzz"}"""),
    ];

    [ServersSharedDataFact]
    public async Task FuzzedBodies_AreNeverAServerError()
    {
        using HttpClient ada = server.As("ada");
        var fuzzer = new BodyFuzzer(seed: 20261207);
        var byStatus = new SortedDictionary<int, int>();
        var failures = new List<string>();
        int sent = 0, notJson = 0, notJson4xx = 0;
        foreach ((string path, string valid) in s_targets)
        {
            for (int i = 0; i < PerEndpoint; i++)
            {
                (string body, string kind) = fuzzer.Next(valid);
                string mediaType = i % 10 == 9 ? "text/plain" : "application/json";
                using var content = new StringContent(body, Encoding.UTF8, mediaType);
                using HttpResponseMessage response = await ada.PostAsync(path, content);
                int status = (int)response.StatusCode;
                byStatus[status] = byStatus.GetValueOrDefault(status) + 1;
                sent++;
                if (status >= 500)
                {
                    failures.Add($"{path} ({kind}): {status} {Truncate(body)} → {Truncate(await response.Content.ReadAsStringAsync())}");
                }

                if (kind is "bytes" or "truncated" or "deep" || mediaType == "text/plain")
                {
                    notJson++;
                    notJson4xx += status is >= 400 and < 500 ? 1 : 0;
                }
            }
        }

        string summary = string.Join(", ", byStatus.Select(s => $"{s.Key}: {s.Value}"));
        Assert.True(failures.Count == 0, $"{failures.Count} server errors ({summary}):\n" + string.Join('\n', failures.Take(20)));
        Assert.Equal(s_targets.Length * PerEndpoint, sent);
        Assert.True(notJson4xx == notJson, $"{notJson - notJson4xx} of {notJson} bodies that are not JSON of the endpoint's shape were accepted ({summary})");
        Assert.True(byStatus.Where(s => s.Key is >= 400 and < 500).Sum(s => s.Value) > sent * 9 / 10, summary);
    }

    [ServersSharedDataFact]
    public async Task FuzzedQueries_AreNeverAServerError()
    {
        using HttpClient ada = server.As("ada");
        var random = new Lcg(7);
        string[] paths = ["/api/v1/signals/history", "/api/v1/signals/latest", "/api/v1/ops/audit", "/api/v1/metrics/model", "/api/v1/metrics/trading", $"/api/v1/models/{DeployedPair.ModelId}"];
        string[] names = ["model", "pair", "action", "from", "to", "limit", "cursor", "hours"];
        string[] values = ["%00", "%FF%FE", "-1", "0", "99999999999", "1e3", "entry", "exit", "2024-01-01", "9999-12-31T23:59:59Z", "", "%27%20OR%201%3D1", "*", new string('a', 300), "audnzd-h4", "%0A", "null", "NaN"];
        var failures = new List<string>();
        for (int i = 0; i < 600; i++)
        {
            string query = string.Join("&", Enumerable.Range(0, 1 + (int)(random.Next() * 3)).Select(_ => names[(int)(random.Next() * names.Length)] + "=" + values[(int)(random.Next() * values.Length)]));
            string path = paths[i % paths.Length] + "?" + query;
            using HttpResponseMessage response = await ada.GetAsync(path);
            if ((int)response.StatusCode >= 500)
            {
                failures.Add($"{path}: {(int)response.StatusCode} {Truncate(await response.Content.ReadAsStringAsync())}");
            }
        }

        Assert.True(failures.Count == 0, string.Join('\n', failures.Take(20)));
    }

    private static string Truncate(string text) => text.Length <= 200 ? text : text[..200] + "…";
}
