using Alpha.Inference;
using Alpha.Messaging.Redis;
using Alpha.Operations;
using Alpha.Registry;
using Alpha.Storage.Postgres;
using Npgsql;
using StackExchange.Redis;

namespace Alpha.Operations.Tests;

/// <summary>The desk through the real stores: flags in PostgreSQL and Redis, requests and audit in PostgreSQL, rollbacks through a file registry.</summary>
public sealed class OpsDeskTests(TestDatabase database) : IClassFixture<TestDatabase>, IAsyncLifetime
{
    private static readonly DateTimeOffset s_start = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);
    private readonly ManualTimeProvider _clock = new(s_start);
    private readonly string _run = Guid.NewGuid().ToString("N")[..8];
    private ConnectionMultiplexer? _redis;
    private RedisKeys _keys = new();

    private OperatorIdentity Alice => new($"alice-{_run}", OperatorRole.Approver);

    private OperatorIdentity Bob => new($"bob-{_run}", OperatorRole.Approver);

    private OperatorIdentity Eve => new($"eve-{_run}", OperatorRole.Editor);

    public async Task InitializeAsync()
    {
        if (!TestDatabase.IsWanted)
        {
            return;
        }

        _redis = await ConnectionMultiplexer.ConnectAsync(TestEnvironment.RedisConfiguration);
        _keys = new RedisKeys($"test:{_run}:");
        await database.ExecuteAsync("DELETE FROM core.ops_flags");
    }

    public async Task DisposeAsync()
    {
        if (_redis is not null)
        {
            await _redis.DisposeAsync();
        }
    }

    [ServersFact]
    public async Task Halt_WritesPostgresThenRedis_AndIsAudited()
    {
        OpsDesk desk = Desk();

        OpsResult result = await desk.HaltAsync(new OpsScope("audnzd-h4", "*"), HaltLevel.Hard, "news at 14:00", Alice, CancellationToken.None);

        Assert.Equal(AuditOutcome.Applied, result.Outcome);
        var expected = OpsFlags.Normal with { HardHalt = true };
        Assert.Equal(expected, (await Postgres().ReadAsync(CancellationToken.None))!.Entries[("audnzd-h4", "*")]);
        Assert.Equal(expected, (await Redis().ReadAsync(CancellationToken.None))!.Entries[("audnzd-h4", "*")]);
        AuditRecord audit = await AuditAsync(result.AuditId);
        Assert.Equal((Alice.Name, OperatorRole.Approver, OpsActions.Halt, "audnzd-h4|*", "news at 14:00", AuditOutcome.Applied), (audit.Actor, audit.Role, audit.Action, audit.Target, audit.Reason, audit.Outcome));
        Assert.Matches("^[0-9a-f]{64}$", audit.PayloadSha256);
    }

    [ServersFact]
    public async Task Resume_NeedsTwoDistinctApprovers_WithinTheWindow()
    {
        OpsDesk desk = Desk();
        var scope = new OpsScope("audnzd-h4", "AUDUSD-NZDUSD");
        await desk.HaltAsync(scope, HaltLevel.Soft, "drawdown review", Alice, CancellationToken.None);
        await desk.FlattenAsync(OpsScope.Everything, "risk off", Alice, CancellationToken.None);

        OpsResult first = await desk.ResumeAsync(OpsScope.Everything, 1.0, "reviewed", Alice, CancellationToken.None);
        OperationRefusedException again = await Assert.ThrowsAsync<OperationRefusedException>(() => desk.ResumeAsync(OpsScope.Everything, 1.0, "reviewed", Alice, CancellationToken.None));
        OpsTableState halted = await StateAsync();
        OpsResult second = await desk.ResumeAsync(OpsScope.Everything, 1.0, "agreed", Bob, CancellationToken.None);

        Assert.Equal((AuditOutcome.Pending, OpsRefusal.Conflict), (first.Outcome, again.Refusal));
        Assert.Contains("second, distinct approver", again.Message, StringComparison.Ordinal);
        Assert.Equal(2, halted.Postgres!.Entries.Count);      // nothing cleared by one approver
        Assert.Equal((AuditOutcome.Applied, first.RequestId), (second.Outcome, second.RequestId));
        Assert.Contains(Alice.Name, second.Message, StringComparison.Ordinal);
        Assert.Contains(Bob.Name, second.Message, StringComparison.Ordinal);
        OpsTableState resumed = await StateAsync();
        Assert.Null(resumed.Postgres);
        Assert.Null(resumed.Redis);
        Assert.Equal(AuditOutcome.Refused, (await AuditAsync(await LastAuditIdAsync(Alice.Name, OpsActions.Resume))).Outcome);
        Assert.DoesNotContain(await new PostgresOpsRequestStore(database.DataSource).PendingAsync(OpsActions.Resume, CancellationToken.None), r => r.Id == first.RequestId);
    }

    [ServersFact]
    public async Task Resume_SecondVoteAfterTheWindow_StartsOver_AndACanaryKeepsItsScale()
    {
        OpsDesk desk = Desk();
        await desk.HaltAsync(new OpsScope("eurgbp-h1", "*"), HaltLevel.Soft, "halt", Alice, CancellationToken.None);
        OpsResult first = await desk.ResumeAsync(new OpsScope("eurgbp-h1", "*"), 0.2, "canary", Alice, CancellationToken.None);
        _clock.Advance(TimeSpan.FromMinutes(61));

        OpsResult late = await desk.ResumeAsync(new OpsScope("eurgbp-h1", "*"), 0.2, "canary", Bob, CancellationToken.None);
        OpsResult other = await desk.ResumeAsync(new OpsScope("eurgbp-h1", "*"), 1.0, "full size", Alice, CancellationToken.None);
        OpsResult canary = await desk.ResumeAsync(new OpsScope("eurgbp-h1", "*"), 0.2, "canary", Alice, CancellationToken.None);

        Assert.Equal(AuditOutcome.Pending, late.Outcome);      // the first vote expired: Bob's is a new request
        Assert.NotEqual(first.RequestId, late.RequestId);
        Assert.Equal(AuditOutcome.Pending, other.Outcome);     // a different scale is a different request
        Assert.Equal((AuditOutcome.Applied, late.RequestId), (canary.Outcome, canary.RequestId));
        OpsFlagTable flags = (await Redis().ReadAsync(CancellationToken.None))!;
        Assert.Equal(OpsFlags.Normal with { LeverageScale = 0.2 }, Assert.Single(flags.Entries).Value);
        Assert.Equal(flags.Entries, (await Postgres().ReadAsync(CancellationToken.None))!.Entries);
    }

    [ServersFact]
    public async Task Refusals_AreTyped_AndAudited()
    {
        OpsDesk desk = Desk();

        OperationRefusedException role = await Assert.ThrowsAsync<OperationRefusedException>(() => desk.HaltAsync(OpsScope.Everything, HaltLevel.Soft, "x", Eve, CancellationToken.None));
        OperationRefusedException model = await Assert.ThrowsAsync<OperationRefusedException>(() => desk.FlattenAsync(new OpsScope("nope", "*"), "x", Alice, CancellationToken.None));
        OperationRefusedException pair = await Assert.ThrowsAsync<OperationRefusedException>(() => desk.HaltAsync(new OpsScope("audnzd-h4", "EURUSD-GBPUSD"), HaltLevel.Soft, "x", Alice, CancellationToken.None));
        OperationRefusedException reason = await Assert.ThrowsAsync<OperationRefusedException>(() => desk.HaltAsync(OpsScope.Everything, HaltLevel.Soft, " ", Alice, CancellationToken.None));
        OperationRefusedException scale = await Assert.ThrowsAsync<OperationRefusedException>(() => desk.ResumeAsync(OpsScope.Everything, double.NaN, "x", Alice, CancellationToken.None));
        OperationRefusedException rollback = await Assert.ThrowsAsync<OperationRefusedException>(() => desk.RollbackAsync("eurgbp-h1", "x", Alice, CancellationToken.None));

        Assert.Equal(
            [OpsRefusal.Forbidden, OpsRefusal.NotFound, OpsRefusal.NotFound, OpsRefusal.Invalid, OpsRefusal.Invalid, OpsRefusal.Conflict],
            [role.Refusal, model.Refusal, pair.Refusal, reason.Refusal, scale.Refusal, rollback.Refusal]);
        Assert.Contains("needs the approver role", role.Message, StringComparison.Ordinal);
        Assert.Equal(AuditOutcome.Denied, (await AuditAsync(await LastAuditIdAsync(Eve.Name, OpsActions.Halt))).Outcome);
        Assert.Null(await Postgres().ReadAsync(CancellationToken.None));
    }

    [ServersFact]
    public async Task Rollback_RepointsTheDeployedVersion_ThroughTheRegistry()
    {
        var versions = new SignedVersions();
        var registry = ModelRegistry.Embedded(new RegistryOptions { ModelsRoot = versions.ModelsRoot, Trust = versions.Trust });
        var ops = new RegistryActor("ops", "quant");
        string[] v = [versions.Write(), versions.Write()];
        foreach (string version in v)
        {
            await registry.RegisterAsync("audnzd-h4", version, ops);
            await registry.PromoteAsync("audnzd-h4", version, ops);
            await registry.ApproveAsync("audnzd-h4", version, ops, "ok");
            await registry.DeployAsync("audnzd-h4", version, ops, "go");
        }

        OpsResult result = await Desk(registry).RollbackAsync("audnzd-h4", "live Sharpe -25 %", Alice, CancellationToken.None);

        Assert.Equal(v[0], await registry.DeployedAsync("audnzd-h4"));
        Assert.Contains(v[0], result.Message, StringComparison.Ordinal);
        RegistryEvent last = (await registry.HistoryAsync("audnzd-h4"))[^1];
        Assert.Equal((Alice.Name, "approver", $"rollback from {v[1]}: live Sharpe -25 %"), (last.Actor, last.Role, last.Reason));
    }

    [ServersFact]
    public async Task RetrainRequest_IsPending_ForTheRetrainingService()
    {
        OpsResult result = await Desk().RequestRetrainAsync("audnzd-h4", "win rate gap 18 pp", Eve, CancellationToken.None);

        OpsRequest pending = Assert.Single(await new PostgresOpsRequestStore(database.DataSource).PendingAsync(OpsActions.Retrain, CancellationToken.None), r => r.Id == result.RequestId);
        Assert.Equal((new OpsScope("audnzd-h4", "*"), Eve, "win rate gap 18 pp"), (pending.Scope, pending.RequestedBy, pending.Reason));
    }

    [ServersFact]
    public async Task RedisDown_AfterPostgres_FailsTheHalt_AuditedAsFailed_WithPostgresAhead()
    {
        int dead = FreePorts.Next();
        using ConnectionMultiplexer down = await ConnectionMultiplexer.ConnectAsync($"127.0.0.1:{dead},abortConnect=false,connectTimeout=200,syncTimeout=500,asyncTimeout=500");
        OpsDesk desk = Desk(stores: [Postgres(), new RedisOpsFlagStore(down, _keys)]);

        await Assert.ThrowsAnyAsync<RedisException>(() => desk.HaltAsync(OpsScope.Everything, HaltLevel.Soft, "redis down", Alice, CancellationToken.None));

        Assert.True((await Postgres().ReadAsync(CancellationToken.None))!.Entries[("*", "*")].SoftHalt);
        AuditRecord failed = await AuditAsync(await LastAuditIdAsync(Alice.Name, OpsActions.Halt));
        Assert.Equal(AuditOutcome.Failed, failed.Outcome);
        Assert.Contains("Written to postgres; the redis flag store failed", failed.Detail, StringComparison.Ordinal);
    }

    [ServersFact]
    public async Task ControlCharactersInARequest_AreRefused_AndAuditedEscaped()
    {
        OperationRefusedException e = await Assert.ThrowsAsync<OperationRefusedException>(() => Desk().FlattenAsync(new OpsScope("audnzd\0h4", "*"), "x", Alice, CancellationToken.None));

        Assert.Equal(OpsRefusal.NotFound, e.Refusal);
        AuditRecord refused = await AuditAsync(await LastAuditIdAsync(Alice.Name, OpsActions.Flatten));
        Assert.Equal(("audnzd\\u0000h4|*", AuditOutcome.Refused), (refused.Target, refused.Outcome));
    }

    [ServersFact]
    public async Task AuditLog_IsAppendOnly_InTheDatabase()
    {
        OpsResult result = await Desk().HaltAsync(OpsScope.Everything, HaltLevel.Soft, "x", Alice, CancellationToken.None);

        PostgresException update = await Assert.ThrowsAsync<PostgresException>(() => database.ExecuteAsync("UPDATE audit.analytics_actions SET outcome = 'refused' WHERE id = $1", result.AuditId));
        PostgresException delete = await Assert.ThrowsAsync<PostgresException>(() => database.ExecuteAsync("DELETE FROM audit.analytics_actions WHERE id = $1", result.AuditId));

        Assert.Contains("append-only", update.MessageText, StringComparison.Ordinal);
        Assert.Contains("append-only", delete.MessageText, StringComparison.Ordinal);
    }

    private OpsDesk Desk(ModelRegistry? registry = null, IReadOnlyList<IOpsFlagStore>? stores = null) => new(
        new OpsDeskOptions(),
        ModelCatalogue.Load(CatalogueFolder(), PredictorKinds.BuiltIn),
        registry ?? ModelRegistry.Embedded(new RegistryOptions { ModelsRoot = Directory.CreateTempSubdirectory("alpha-ops-models-").FullName, Trust = ModelTrust.ChecksumsOnly }),
        stores ?? [Postgres(), Redis()],
        new PostgresOpsRequestStore(database.DataSource),
        new PostgresAuditLog(database.DataSource),
        _clock);

    private PostgresOpsFlagStore Postgres() => new(database.DataSource);

    private RedisOpsFlagStore Redis() => new(_redis!, _keys);

    private async Task<OpsTableState> StateAsync() => new(await Postgres().ReadAsync(CancellationToken.None), await Redis().ReadAsync(CancellationToken.None));

    private async Task<AuditRecord> AuditAsync(long id) =>
        Assert.Single(await new PostgresAuditLog(database.DataSource).RecentAsync(null, 1000, CancellationToken.None), e => e.Id == id).Record;

    private async Task<long> LastAuditIdAsync(string actor, string action) =>
        (await new PostgresAuditLog(database.DataSource).RecentAsync(action, 1000, CancellationToken.None)).First(e => e.Record.Actor == actor).Id;

    private static string CatalogueFolder()
    {
        string folder = Directory.CreateTempSubdirectory("alpha-ops-catalogue-").FullName;
        File.WriteAllText(Path.Combine(folder, "audnzd-h4.yaml"), "kind: pair-gbdt\npair: { id: AUDUSD-NZDUSD, leg_a: AUDUSD, leg_b: NZDUSD, timeframe: 4h }\nversion: deployed\n");
        File.WriteAllText(Path.Combine(folder, "eurgbp-h1.yaml"), "kind: pair-gbdt\npair: { id: EURUSD-GBPUSD, leg_a: EURUSD, leg_b: GBPUSD, timeframe: 1h }\nversion: deployed\n");
        return folder;
    }

    private sealed record OpsTableState(OpsFlagTable? Postgres, OpsFlagTable? Redis);
}
