using Alpha.Operations;
using Alpha.Storage.Postgres;

namespace Alpha.Cli.Tests;

/// <summary><c>alpha api-key new|list|revoke</c> against a real database: the key printed once authenticates, is listed without its secret, and stops working when revoked; each change is audited.</summary>
public sealed class ApiKeyCliTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    private Dictionary<string, string?> Environment => new() { ["POSTGRES_URL"] = database.ConnectionString };

    [PostgresFact]
    public async Task New_List_Revoke()
    {
        var authenticator = new ApiKeyAuthenticator(new PostgresApiKeyStore(database.DataSource), TimeProvider.System, TimeSpan.Zero);

        (int code, string key, string error) = Alpha.RunWith(Environment, "api-key", "new", "--name", "carol", "--role", "approver", "--quiet");
        Assert.True(code == 0, error);
        key = key.Trim();
        Assert.Equal(new OperatorIdentity("carol", OperatorRole.Approver), await authenticator.AuthenticateAsync(key, CancellationToken.None));

        (code, string list, _) = Alpha.RunWith(Environment, "api-key", "list");
        Assert.Equal(0, code);
        Assert.True(ApiKeys.TryParse(key, out string id, out string secret));
        Assert.Contains(id, list, StringComparison.Ordinal);
        Assert.Contains("carol", list, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, list, StringComparison.Ordinal);

        (code, string revoked, error) = Alpha.RunWith(Environment, "api-key", "revoke", id);
        Assert.True(code == 0, error);
        Assert.Contains($"key {id} of carol revoked", revoked, StringComparison.Ordinal);
        Assert.Null(await authenticator.AuthenticateAsync(key, CancellationToken.None));
        Assert.Equal(1, Alpha.RunWith(Environment, "api-key", "revoke", id).ExitCode);     // already revoked

        string[] audited = [.. (await new PostgresAuditLog(database.DataSource).RecentAsync(null, 10, CancellationToken.None)).Where(e => e.Record.Target == id).Select(e => e.Record.Action)];
        Assert.Equal(["api_keys.revoke", "api_keys.new"], audited);
    }

    [PostgresFact]
    public void New_UnknownRole_SaysWhichRolesThereAre()
    {
        (int code, _, string error) = Alpha.RunWith(Environment, "api-key", "new", "--name", "carol", "--role", "boss");

        Assert.Equal(1, code);
        Assert.Contains("'boss' is not a role: viewer, editor, approver or admin", error, StringComparison.Ordinal);
    }
}
