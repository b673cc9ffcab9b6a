using Alpha.Operations;
using Alpha.Storage.Postgres;

namespace Alpha.Cli.Tests;

/// <summary><c>alpha config …</c> against a real database and a copy of configs/: a θ range proposed by an editor, approved by two approvers, applied and rolled back; the operator is the one ALPHA_API_KEY names.</summary>
public sealed class ConfigCliTests(TestDatabase database) : IClassFixture<TestDatabase>, IDisposable
{
    private readonly string _configs = TestFolders.CopyOf(Path.Combine(TestEnvironment.RepositoryRoot, "configs"), "alpha-cli-configs-");

    public void Dispose() => Directory.Delete(_configs, recursive: true);

    [Fact]
    public void Validate_NeedsNoServer_AndNamesFileAndKey()
    {
        (int ok, string valid, string error) = Alpha.Run("config", "validate", "--configs", _configs);
        File.WriteAllText(Path.Combine(_configs, "dd_policy.yaml"), File.ReadAllText(Path.Combine(_configs, "dd_policy.yaml")).Replace("halt: 0.08", "halt: 0.2", StringComparison.Ordinal));
        (int bad, _, string problem) = Alpha.Run("config", "validate", "--configs", _configs);

        Assert.True(ok == 0, error);
        Assert.Contains("valid", valid, StringComparison.Ordinal);
        Assert.Equal(1, bad);
        Assert.Contains("dd_policy.yaml: pair", problem, StringComparison.Ordinal);
    }

    [PostgresFact]
    public async Task ThetaRange_Propose_TwoApprovals_Apply_Rollback()
    {
        Dictionary<string, string?> ed = await AsAsync("ed", OperatorRole.Editor), alice = await AsAsync("alice", OperatorRole.Approver), bob = await AsAsync("bob", OperatorRole.Approver);
        string core = Path.Combine(_configs, "core_policy.yaml");
        string before = File.ReadAllText(core);

        (int code, string proposed, string error) = Alpha.RunWith(ed, "config", "propose", "--configs", _configs, "--reason", "wider", "--set", "core_policy.yaml:theta.theta1_range=[0.55, 0.90]");
        Assert.True(code == 0, error);
        string id = proposed.Split(' ')[1].TrimEnd(':');
        Assert.Contains("high-risk", proposed, StringComparison.Ordinal);
        Assert.Contains("0 of 2 approval(s)", proposed, StringComparison.Ordinal);

        Assert.Equal(5, Alpha.RunWith(ed, "config", "approve", "--configs", _configs, id).ExitCode);          // an editor may not approve
        Assert.Equal(0, Alpha.RunWith(alice, "config", "approve", "--configs", _configs, id).ExitCode);
        (int twice, _, string again) = Alpha.RunWith(alice, "config", "approve", "--configs", _configs, id);
        Assert.Equal(5, twice);
        Assert.Contains("distinct approver", again, StringComparison.Ordinal);
        Assert.Equal(0, Alpha.RunWith(bob, "config", "approve", "--configs", _configs, id).ExitCode);
        (code, string applied, error) = Alpha.RunWith(bob, "config", "apply", "--configs", _configs, id);
        Assert.True(code == 0, error);
        Assert.Contains("applied", applied, StringComparison.Ordinal);
        Assert.Equal(before.Replace("[0.60, 0.85]", "[0.55, 0.90]", StringComparison.Ordinal), File.ReadAllText(core));

        (code, string list, _) = Alpha.RunWith(alice, "config", "list", "--status", "applied");
        Assert.Equal(0, code);
        Assert.Contains(id, list, StringComparison.Ordinal);
        (code, _, error) = Alpha.RunWith(alice, "config", "rollback", "--configs", _configs, id, "--reason", "back");
        Assert.True(code == 0, error);
        Assert.Equal(before, File.ReadAllText(core));

        ConfigAuditEntry last = (await new PostgresConfigChangeStore(database.DataSource).HistoryAsync(Guid.Parse(id), 1, CancellationToken.None))[0];
        Assert.Equal(("alice", OpsActions.ConfigRollback, AuditOutcome.Applied), (last.Record.Record.Actor, last.Record.Record.Action, last.Record.Record.Outcome));
    }

    [PostgresFact]
    public void WithoutAKey_ItSaysWhichVariableToSet()
    {
        (int code, _, string error) = Alpha.RunWith(new Dictionary<string, string?> { ["POSTGRES_URL"] = database.ConnectionString, ["ALPHA_API_KEY"] = null }, "config", "approve", "--configs", _configs, Guid.Empty.ToString());

        Assert.Equal(1, code);
        Assert.Contains("ALPHA_API_KEY is not set", error, StringComparison.Ordinal);
    }

    private async Task<Dictionary<string, string?>> AsAsync(string name, OperatorRole role)
    {
        NewApiKey key = ApiKeys.Create(name, role, "cli-tests", DateTimeOffset.UnixEpoch);
        await new PostgresApiKeyStore(database.DataSource).AddAsync(key.Record, CancellationToken.None);

        return new() { ["POSTGRES_URL"] = database.ConnectionString, ["ALPHA_API_KEY"] = key.Key };
    }
}
