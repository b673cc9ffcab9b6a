using System.Text.Json;
using System.Text.Json.Nodes;

namespace Alpha.Api.Tests;

/// <summary>
/// The OpenAPI document is committed (docs/openapi.json) and must equal what the API generates, so a change of the
/// contract shows in review and in CI. After an intended change: <c>scripts/openapi.sh</c> rewrites the file.
/// </summary>
[Collection(ApiServerGroup.Name)]
public sealed class OpenApiTests(ApiServer server)
{
    private static readonly JsonSerializerOptions s_indented = new() { WriteIndented = true };

    [ServersSharedDataFact]
    public async Task Document_EqualsTheCommittedOne()
    {
        using HttpClient anonymous = server.Anonymous();
        string generated = JsonNode.Parse(await anonymous.GetStringAsync("/openapi/v1.json"))!.ToJsonString(s_indented) + "\n";
        string committed = Path.Combine(TestEnvironment.RepositoryRoot, "docs", "openapi.json");
        if (Environment.GetEnvironmentVariable("ALPHA_UPDATE_OPENAPI") == "1")
        {
            await File.WriteAllTextAsync(committed, generated);
        }

        string[] want = (await File.ReadAllTextAsync(committed)).Split('\n'), got = generated.Split('\n');
        int first = Enumerable.Range(0, Math.Min(want.Length, got.Length)).FirstOrDefault(i => want[i] != got[i], Math.Min(want.Length, got.Length));
        Assert.True(
            want.SequenceEqual(got),
            $"docs/openapi.json differs from the generated document at line {first + 1}:\n  committed: {want.ElementAtOrDefault(first)}\n  generated: {got.ElementAtOrDefault(first)}\n"
            + "If the change is intended, run scripts/openapi.sh and commit docs/openapi.json.");
        Assert.Contains("\"/api/v1/ops/resume\"", generated, StringComparison.Ordinal);
        Assert.Contains("\"X-Api-Key\"", generated, StringComparison.Ordinal);
    }

    [ServersSharedDataFact]
    public async Task Scalar_ServesTheReference()
    {
        using HttpClient anonymous = server.Anonymous();

        string page = await anonymous.GetStringAsync("/docs/");

        Assert.Contains("<script", page, StringComparison.Ordinal);
        Assert.Contains("openapi/v1.json", page, StringComparison.Ordinal);
    }
}
