using System.Net;
using System.Text.Json.Nodes;
using Alpha.Operations;
using Alpha.Storage.Postgres;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using static Alpha.Api.Tests.SignalsTests;

namespace Alpha.Api.Tests;

/// <summary>JWT bearer tokens, the rate limit, and secrets kept out of the logs.</summary>
[Collection(ApiServerGroup.Name)]
public sealed class SecurityTests(ApiServer server)
{
    [ServersSharedDataFact]
    public async Task Jwt_WithARoleClaim_ActsAsThatOperator_AndIsAudited()
    {
        await Delivered.ClearFlagsAsync(server);
        using HttpClient approver = server.Bearer(Token("jwt-carol", "approver"));
        using HttpClient viewer = server.Bearer(Token("jwt-dan", "viewer"));

        (HttpStatusCode halted, JsonObject result) = await PostAsync(approver, "/api/v1/ops/halt", """{"reason":"token test"}""");
        (HttpStatusCode refused, _) = await PostAsync(viewer, "/api/v1/ops/halt", """{"reason":"token test"}""");

        Assert.True(halted == HttpStatusCode.OK, result.ToJsonString());
        Assert.Equal(HttpStatusCode.Forbidden, refused);
        AuditEntry[] audit = [.. await new PostgresAuditLog(server.Database.DataSource).RecentAsync(OpsActions.Halt, 2, CancellationToken.None)];
        Assert.Equal([("jwt-dan", AuditOutcome.Denied), ("jwt-carol", AuditOutcome.Applied)], audit.Select(a => (a.Record.Actor, a.Record.Outcome)));
        await Delivered.ClearFlagsAsync(server);
    }

    [ServersSharedDataTheory]
    [InlineData("wrong-key")]
    [InlineData("expired")]
    [InlineData("wrong-audience")]
    [InlineData("no-role")]
    public async Task Jwt_NotValid_IsRefused(string what)
    {
        string token = what switch
        {
            "wrong-key" => Token("mallory", "admin", key: new byte[32]),
            "expired" => Token("mallory", "admin", expires: DateTime.UtcNow.AddMinutes(-5)),
            "wrong-audience" => Token("mallory", "admin", audience: "someone-else"),
            _ => Token("mallory", null),
        };
        using HttpClient client = server.Bearer(token);

        using HttpResponseMessage response = await client.GetAsync("/api/v1/ops/flags");

        Assert.Equal(what == "no-role" ? HttpStatusCode.Forbidden : HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [ServersSharedDataFact]
    public async Task RateLimit_OnMutatingEndpoints_Answers429_PerOperator()
    {
        using WebApplicationFactory<Program> limited = server.Factory.WithWebHostBuilder(b => b.UseSetting("Api:RateLimit:PermitsPerMinute", "2"));
        using HttpClient ed = limited.CreateClient(), ada = limited.CreateClient();
        ed.DefaultRequestHeaders.Add("X-Api-Key", server.Key("ed"));
        ada.DefaultRequestHeaders.Add("X-Api-Key", server.Key("ada"));
        string path = $"/api/v1/models/{Worker.Tests.DeployedPair.ModelId}/predict";

        HttpStatusCode[] statuses = [
            (await PostAsync(ed, path, Endpoints.FeatureRow())).Status,
            (await PostAsync(ed, path, Endpoints.FeatureRow())).Status,
            (await PostAsync(ed, path, Endpoints.FeatureRow())).Status,
            (await PostAsync(ada, path, Endpoints.FeatureRow())).Status];
        using HttpResponseMessage read = await ed.GetAsync("/api/v1/ops/flags");

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.OK], statuses);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);     // reads are not limited
    }

    [ServersSharedDataFact]
    public async Task Logs_HoldNoKeyNoTokenNoConnectionString()
    {
        using (HttpClient forged = server.Anonymous())
        {
            forged.DefaultRequestHeaders.Add("X-Api-Key", server.Forged("ada"));
            _ = await forged.GetAsync("/api/v1/ops/flags");
        }

        using (HttpClient bearer = server.Bearer(Token("mallory", "admin", key: new byte[32])))
        {
            _ = await bearer.GetAsync("/api/v1/ops/flags");
        }

        using (HttpClient ada = server.As("ada"))
        {
            _ = await ada.GetAsync("/api/v1/ops/audit");
        }

        string[] secrets = [.. new[] { "vera", "ed", "alice", "bob", "ada" }.Select(server.Key).Select(k => k[19..]), ApiServer.JwtKey, server.Database.ConnectionString];
        Assert.NotEmpty(server.Logs.Lines);
        Assert.Contains(server.Logs.Lines, l => l.Contains("ApiKey was not authenticated", StringComparison.Ordinal));
        Assert.DoesNotContain(server.Logs.Lines, l => secrets.Any(s => l.Contains(s, StringComparison.Ordinal)));
    }

    private static string Token(string subject, string? role, byte[]? key = null, DateTime? expires = null, string audience = "alpha-api")
    {
        var claims = new Dictionary<string, object> { ["sub"] = subject };
        if (role is not null)
        {
            claims["role"] = role;
        }

        DateTime until = expires ?? DateTime.UtcNow.AddMinutes(10);
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = "alpha-tests",
            Audience = audience,
            Claims = claims,
            NotBefore = until.AddMinutes(-20),
            IssuedAt = until.AddMinutes(-20),
            Expires = until,
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(key ?? Convert.FromBase64String(ApiServer.JwtKey)), SecurityAlgorithms.HmacSha256),
        });
    }
}
