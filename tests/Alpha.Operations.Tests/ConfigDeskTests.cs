using System.Collections.Immutable;
using Alpha.Configuration;
using Alpha.Storage.Postgres;
using Alpha.Training;

namespace Alpha.Operations.Tests;

/// <summary>The configuration workflow over a copy of configs/, with changes and audit in the real PostgreSQL.</summary>
public sealed class ConfigDeskTests(TestDatabase database) : IClassFixture<TestDatabase>, IDisposable
{
    private static readonly DateTimeOffset s_start = new(2026, 12, 8, 9, 0, 0, TimeSpan.Zero);
    private static readonly ConfigEdit s_widerTheta1 = new(PolicyLoader.CoreFile, "theta.theta1_range", "[0.55, 0.90]");
    private static readonly ConfigEdit s_moreFolds = new(PolicyLoader.RetrainFile, "cross_validation.folds", "6");
    private readonly ManualTimeProvider _clock = new(s_start);
    private readonly DirectoryInfo _folder = new(TestFolders.CopyOf(Path.Combine(TestEnvironment.RepositoryRoot, "configs"), "alpha-configdesk-"));

    private static OperatorIdentity Vera => new("vera", OperatorRole.Viewer);

    private static OperatorIdentity Ed => new("ed", OperatorRole.Editor);

    private static OperatorIdentity Alice => new("alice", OperatorRole.Approver);

    private static OperatorIdentity Bob => new("bob", OperatorRole.Approver);

    public void Dispose() => _folder.Delete(recursive: true);

    [PostgresFact]
    public async Task ThetaRange_NeedsTwoDistinctApprovers_ThenIsWrittenInPlace_AndAudited()
    {
        ConfigDesk desk = Desk();
        string before = File.ReadAllText(CorePath);

        ConfigChange proposed = await desk.ProposeAsync(Edits(s_widerTheta1), "more candidates after the 2026 regime shift", Ed, default);
        OperationRefusedException own = await Assert.ThrowsAsync<OperationRefusedException>(() => desk.ApproveAsync(proposed.Id, Ed with { Role = OperatorRole.Admin }, default));
        ConfigChange once = await desk.ApproveAsync(proposed.Id, Alice, default);
        OperationRefusedException twice = await Assert.ThrowsAsync<OperationRefusedException>(() => desk.ApproveAsync(proposed.Id, Alice, default));
        OperationRefusedException early = await Assert.ThrowsAsync<OperationRefusedException>(() => desk.ApplyAsync(proposed.Id, Alice, default));
        ConfigChange approved = await desk.ApproveAsync(proposed.Id, Bob, default);
        ConfigChange applied = await desk.ApplyAsync(proposed.Id, Bob, default);

        ConfigDiffEntry diff = Assert.Single(proposed.Diff);
        Assert.Equal(new ConfigDiffEntry(PolicyLoader.CoreFile, "theta.theta1_range", "[0.60, 0.85]", "[0.55, 0.90]", HighRisk: true), diff);
        Assert.Equal((2, ConfigChangeStatus.Proposed), (proposed.RequiredApprovals, once.Status));
        Assert.Equal([OpsRefusal.Conflict, OpsRefusal.Conflict, OpsRefusal.Conflict], [own.Refusal, twice.Refusal, early.Refusal]);
        Assert.Contains("proposed change", own.Message, StringComparison.Ordinal);
        Assert.Equal((ConfigChangeStatus.Approved, ConfigChangeStatus.Applied, "bob"), (approved.Status, applied.Status, applied.AppliedBy));
        Assert.Equal(before.Replace("theta1_range: [0.60, 0.85]", "theta1_range: [0.55, 0.90]", StringComparison.Ordinal), File.ReadAllText(CorePath));
        Assert.Equal((0.55, 0.90), (PolicyLoader.Load(_folder.FullName).ThetaSearch.Theta1Low, PolicyLoader.Load(_folder.FullName).ThetaSearch.Theta1High));
        Assert.Empty(_folder.GetFiles(".*.tmp"));

        ImmutableArray<ConfigAuditEntry> trail = await desk.HistoryAsync(proposed.Id, 100, default);
        Assert.Equal(
            [(OpsActions.ConfigPropose, AuditOutcome.Pending), (OpsActions.ConfigApprove, AuditOutcome.Refused), (OpsActions.ConfigApprove, AuditOutcome.Pending),
             (OpsActions.ConfigApprove, AuditOutcome.Refused), (OpsActions.ConfigApply, AuditOutcome.Refused), (OpsActions.ConfigApprove, AuditOutcome.Applied), (OpsActions.ConfigApply, AuditOutcome.Applied)],
            trail.Reverse().Select(e => (e.Record.Record.Action, e.Record.Record.Outcome)));
        ConfigAuditRecord apply = trail[0].Record;
        Assert.Equal((proposed.BeforeSha256, proposed.AfterSha256), (apply.BeforeSha256, apply.AfterSha256));
        Assert.Equal(ConfigChange.StateHash([(PolicyLoader.CoreFile, ConfigText.Sha256(File.ReadAllText(CorePath)))]), apply.AfterSha256);
    }

    [PostgresFact]
    public async Task LowRiskChange_NeedsOneApprover()
    {
        ConfigDesk desk = Desk();

        ConfigChange proposed = await desk.ProposeAsync(Edits(s_moreFolds), "six folds", Ed, default);
        ConfigChange approved = await desk.ApproveAsync(proposed.Id, Alice, default);
        await desk.ApplyAsync(proposed.Id, Alice, default);

        Assert.Equal((1, false, ConfigChangeStatus.Approved), (proposed.RequiredApprovals, proposed.HighRisk, approved.Status));
        Assert.Equal(6, PolicyLoader.Load(_folder.FullName).CrossValidation.Folds);
    }

    [PostgresFact]
    public async Task WholeFiles_AreProposedToo_AndEveryChangedValueIsInTheDiff()
    {
        ConfigDesk desk = Desk();
        string dd = File.ReadAllText(Path.Combine(_folder.FullName, "dd_policy.yaml")).Replace("halt: 0.08", "halt: 0.07", StringComparison.Ordinal);

        ConfigChange proposed = await desk.ProposeAsync(
            new ConfigProposal { Files = ImmutableDictionary<string, string>.Empty.Add("dd_policy.yaml", dd), Edits = [s_moreFolds] }, "tighter pair halt", Ed, default);

        Assert.Equal(
            [(PolicyLoader.RetrainFile, "cross_validation.folds", "5", "6", false), ("dd_policy.yaml", "pair.halt", "0.08", "0.07", true)],
            proposed.Diff.Select(d => (d.File, d.Key, d.Before, d.After, d.HighRisk)));
        Assert.Equal(2, proposed.RequiredApprovals);
        Assert.Equal([PolicyLoader.RetrainFile, "dd_policy.yaml"], proposed.Files.Select(f => f.Name));
    }

    [PostgresTheory]
    [InlineData("theta.theta1_range", "[0.90, 0.60]", "core_policy.yaml", "theta.theta1_range")]
    [InlineData("theta.initial.theta1", "high", "core_policy.yaml", "theta.initial.theta1")]
    [InlineData("theta.step", "NaN", "core_policy.yaml", "theta.step")]
    public async Task InvalidProposals_AreRefused_NamingFileAndKey_AndNothingIsStored(string key, string value, string file, string namedKey)
    {
        ConfigDesk desk = Desk();
        var proposal = Edits(new ConfigEdit(PolicyLoader.CoreFile, key, value));

        ConfigValidation validation = await desk.ValidateAsync(proposal, Ed, default);
        OperationRefusedException refused = await Assert.ThrowsAsync<OperationRefusedException>(() => desk.ProposeAsync(proposal, "try", Ed, default));

        Assert.False(validation.Valid);
        Assert.Equal((file, namedKey), (validation.Problem!.File, validation.Problem.Key));
        Assert.Equal(OpsRefusal.Invalid, refused.Refusal);
        Assert.Contains($"{file}: {namedKey}", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(await desk.ListAsync(null, 1000, default), c => c.Reason == "try" && c.ProposedAt == _clock.GetUtcNow());
    }

    [PostgresFact]
    public async Task Proposals_ThatNameNoPolicyFile_OrChangeNothing_AreRefused()
    {
        ConfigDesk desk = Desk();

        OperationRefusedException outside = await Assert.ThrowsAsync<OperationRefusedException>(() => desk.ProposeAsync(
            new ConfigProposal { Files = ImmutableDictionary<string, string>.Empty.Add("../secrets.yaml", "a: 1") }, "x", Ed, default));
        OperationRefusedException nothing = await Assert.ThrowsAsync<OperationRefusedException>(() => desk.ProposeAsync(
            Edits(new ConfigEdit(PolicyLoader.CoreFile, "theta.theta1_range", "[0.60, 0.85]")), "x", Ed, default));
        OperationRefusedException noReason = await Assert.ThrowsAsync<OperationRefusedException>(() => desk.ProposeAsync(Edits(s_moreFolds), " ", Ed, default));

        Assert.Equal([OpsRefusal.Invalid, OpsRefusal.Invalid, OpsRefusal.Invalid], [outside.Refusal, nothing.Refusal, noReason.Refusal]);
        Assert.Contains("not a policy file", outside.Message, StringComparison.Ordinal);
        Assert.Contains("changes nothing", nothing.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_folder.Parent!.FullName, "secrets.yaml")));
    }

    [PostgresFact]
    public async Task Roles_AreChecked_AndDenialsAudited()
    {
        ConfigDesk desk = Desk();

        OperationRefusedException viewer = await Assert.ThrowsAsync<OperationRefusedException>(() => desk.ProposeAsync(Edits(s_moreFolds), "x", Vera, default));
        ConfigChange proposed = await desk.ProposeAsync(Edits(s_moreFolds), "six folds", Ed, default);
        OperationRefusedException editor = await Assert.ThrowsAsync<OperationRefusedException>(() => desk.ApproveAsync(proposed.Id, Ed with { Name = "eddie" }, default));

        Assert.Equal([OpsRefusal.Forbidden, OpsRefusal.Forbidden], [viewer.Refusal, editor.Refusal]);
        ImmutableArray<ConfigAuditEntry> trail = await desk.HistoryAsync(null, 1000, default);
        Assert.Contains(trail, e => e.Record.Record is { Actor: "vera", Action: OpsActions.ConfigPropose, Outcome: AuditOutcome.Denied });
        Assert.Contains(trail, e => e.Record.Record is { Actor: "eddie", Action: OpsActions.ConfigApprove, Outcome: AuditOutcome.Denied });
    }

    [PostgresFact]
    public async Task Apply_IsRefused_WhenAFileChangedSinceTheProposal_AndNothingIsWritten()
    {
        ConfigDesk desk = Desk();
        ConfigChange proposed = await desk.ProposeAsync(Edits(s_moreFolds), "six folds", Ed, default);
        await desk.ApproveAsync(proposed.Id, Alice, default);
        string edited = File.ReadAllText(RetrainPath).Replace("seed: 42", "seed: 43", StringComparison.Ordinal);
        File.WriteAllText(RetrainPath, edited);

        OperationRefusedException stale = await Assert.ThrowsAsync<OperationRefusedException>(() => desk.ApplyAsync(proposed.Id, Alice, default));

        Assert.Equal(OpsRefusal.Conflict, stale.Refusal);
        Assert.Contains("retrain_policy.yaml changed since", stale.Message, StringComparison.Ordinal);
        Assert.Equal(edited, File.ReadAllText(RetrainPath));
        Assert.Equal(ConfigChangeStatus.Approved, (await desk.FindAsync(proposed.Id, default))!.Status);
    }

    [PostgresFact]
    public async Task Rollback_RestoresTheFilesByteForByte_LatestChangeFirst()
    {
        ConfigDesk desk = Desk();
        string original = File.ReadAllText(RetrainPath);
        ConfigChange first = await ApplyAsync(desk, s_moreFolds);
        string afterFirst = File.ReadAllText(RetrainPath);
        ConfigChange second = await ApplyAsync(desk, s_moreFolds with { Value = "7" });

        OperationRefusedException outOfOrder = await Assert.ThrowsAsync<OperationRefusedException>(() => desk.RollbackAsync(first.Id, "undo", Alice, default));
        ConfigChange secondBack = await desk.RollbackAsync(second.Id, "undo seven", Alice, default);
        string afterSecondBack = File.ReadAllText(RetrainPath);
        ConfigChange firstBack = await desk.RollbackAsync(first.Id, "undo six", Bob, default);
        OperationRefusedException again = await Assert.ThrowsAsync<OperationRefusedException>(() => desk.RollbackAsync(first.Id, "undo six", Bob, default));

        Assert.Equal(OpsRefusal.Conflict, outOfOrder.Refusal);
        Assert.Contains("roll back the later change first", outOfOrder.Message, StringComparison.Ordinal);
        Assert.Equal(afterFirst, afterSecondBack);
        Assert.Equal(original, File.ReadAllText(RetrainPath));
        Assert.Equal((ConfigChangeStatus.RolledBack, "bob", ConfigChangeStatus.RolledBack), (firstBack.Status, firstBack.RolledBackBy, secondBack.Status));
        Assert.Equal(OpsRefusal.Conflict, again.Refusal);
        ConfigAuditRecord rollback = (await desk.HistoryAsync(first.Id, 1, default))[0].Record;
        Assert.Equal((OpsActions.ConfigRollback, AuditOutcome.Refused), (rollback.Record.Action, rollback.Record.Outcome));
        ConfigAuditRecord applied = (await desk.HistoryAsync(first.Id, 100, default)).First(e => e.Record.Record is { Action: OpsActions.ConfigRollback, Outcome: AuditOutcome.Applied }).Record;
        Assert.Equal((first.AfterSha256, first.BeforeSha256), (applied.BeforeSha256, applied.AfterSha256));
    }

    [PostgresFact]
    public async Task TwoApprovers_ActingOnTheSameState_CannotBothWin()
    {
        var store = new PostgresConfigChangeStore(database.DataSource);
        ConfigDesk desk = Desk();
        ConfigChange proposed = await desk.ProposeAsync(Edits(s_widerTheta1), "wider", Ed, default);
        ConfigChange byAlice = proposed with { Approvals = [new ConfigApproval("alice", OperatorRole.Approver, s_start)] };
        ConfigChange byBob = proposed with { Approvals = [new ConfigApproval("bob", OperatorRole.Approver, s_start)] };

        bool first = await store.ReplaceAsync(proposed, byAlice, default);
        bool second = await store.ReplaceAsync(proposed, byBob, default);

        Assert.Equal((true, false), (first, second));
        Assert.Equal("alice", Assert.Single((await store.FindAsync(proposed.Id, default))!.Approvals).Name);
    }

    [PostgresFact]
    public async Task TheAuditTrail_IsAppendOnly()
    {
        ConfigDesk desk = Desk();
        await desk.ProposeAsync(Edits(s_moreFolds), "six folds", Ed, default);

        Npgsql.PostgresException e = await Assert.ThrowsAsync<Npgsql.PostgresException>(() => database.ExecuteAsync("DELETE FROM audit.config_changes"));

        Assert.Contains("append-only", e.MessageText, StringComparison.Ordinal);
    }

    private string CorePath => Path.Combine(_folder.FullName, PolicyLoader.CoreFile);

    private string RetrainPath => Path.Combine(_folder.FullName, PolicyLoader.RetrainFile);

    private ConfigDesk Desk() => new(_folder.FullName, new PostgresConfigChangeStore(database.DataSource), new OpsDeskOptions(), _clock);

    private static ConfigProposal Edits(params ConfigEdit[] edits) => new() { Edits = [.. edits] };

    private static async Task<ConfigChange> ApplyAsync(ConfigDesk desk, ConfigEdit edit)
    {
        ConfigChange change = await desk.ProposeAsync(Edits(edit), "change", Ed, default);
        await desk.ApproveAsync(change.Id, Alice, default);
        return await desk.ApplyAsync(change.Id, Bob, default);
    }
}
