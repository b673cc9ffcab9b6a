using System.Collections.Immutable;
using Alpha.Registry;

namespace Alpha.Storage.Postgres.Tests;

/// <summary>The registry's contract, run against the file store and the PostgreSQL store alike.</summary>
public sealed class RegistryContractTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    private static readonly RegistryActor s_quant = new("alice", "quant"), s_risk = new("bob", "risk");

    public static TheoryData<string> Stores
    {
        get
        {
            var stores = new TheoryData<string> { "file" };
            if (TestDatabase.IsWanted)
            {
                stores.Add("postgres");
            }

            return stores;
        }
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task Lifecycle_DraftToDeployed_IsDerivedFromTheEvents_WithTheCatalogueRow(string store)
    {
        Setup s = Create(store);
        string v = s.Versions.Write();

        ModelVersionState draft = await s.Registry.RegisterAsync(s.ModelId, v, s_quant, "first");
        Assert.Equal(ModelStatus.Draft, draft.Status);
        ModelVersionRecord row = Assert.IsType<ModelVersionRecord>(draft.Record);
        Assert.Equal((0.51, 0.4, "code123", "data1", 41L, "first", "alice"), (row.Theta1, row.Theta2, row.CodeHash, row.DataHash, row.Seed!.Value, row.Notes, row.CreatedBy));
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 8, 1, 0, TimeSpan.Zero), row.CreatedAt);

        s.Clock.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(ModelStatus.Candidate, (await s.Registry.PromoteAsync(s.ModelId, v, s_quant)).Status);
        ModelVersionState approved = await s.Registry.ApproveAsync(s.ModelId, v, s_risk, "backtest reviewed");
        Assert.Equal(ModelStatus.Approved, approved.Status);
        Assert.Equal("first\napproved by bob (risk): backtest reviewed", approved.Record!.Notes);
        ModelVersionState deployed = await s.Registry.DeployAsync(s.ModelId, v, s_risk, "go live");

        Assert.Equal(ModelStatus.Deployed, deployed.Status);
        Assert.Equal(v, await s.Registry.DeployedAsync(s.ModelId));
        ImmutableArray<RegistryEvent> history = await s.Registry.HistoryAsync(s.ModelId);
        Assert.Equal([ModelStatus.Draft, ModelStatus.Candidate, ModelStatus.Approved, ModelStatus.Deployed], history.Select(e => e.To!.Value));
        Assert.Equal([null, ModelStatus.Draft, ModelStatus.Candidate, ModelStatus.Approved], history.Select(e => e.From));
        Assert.Equal(["alice", "alice", "bob", "bob"], history.Select(e => e.Actor));
        Assert.Equal([1L, 2, 3, 4], history.Select(e => e.Sequence));
        Assert.All(history.Skip(1).Zip(history), pair => Assert.Equal(pair.Second.Hash, pair.First.PreviousHash));
        Assert.All(history, e => Assert.Equal(ModelStore.Verify(s.Versions.Folder(v)).ChecksumsDigest, e.ChecksumsDigest));
        Assert.Contains(s.ModelId, await s.Registry.ListModelIdsAsync());
        Assert.Equal([v], (await s.Registry.VersionsAsync(s.ModelId)).Select(x => x.Version));
        Assert.Equal("first\napproved by bob (risk): backtest reviewed", (await s.Registry.StateAsync(s.ModelId, v)).Record!.Notes);
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task IllegalMoves_AreTypedErrors_AndRecordNothing(string store)
    {
        Setup s = Create(store);
        string v = s.Versions.Write(), unsigned = s.Versions.Write(sign: false);
        await s.Registry.RegisterAsync(s.ModelId, v, s_quant);

        IllegalTransitionException skip = await Assert.ThrowsAsync<IllegalTransitionException>(() => s.Registry.ApproveAsync(s.ModelId, v, s_risk, "why not"));
        Assert.Equal((ModelStatus.Draft, ModelStatus.Approved, v), (skip.From!.Value, skip.To, skip.Version));
        await Assert.ThrowsAsync<IllegalTransitionException>(() => s.Registry.DeployAsync(s.ModelId, v, s_risk, "now"));
        await Assert.ThrowsAsync<IllegalTransitionException>(() => s.Registry.RegisterAsync(s.ModelId, v, s_quant));
        await Assert.ThrowsAsync<IllegalTransitionException>(() => s.Registry.RollbackAsync(s.ModelId, s_risk, "nothing deployed"));
        await s.Registry.PromoteAsync(s.ModelId, v, s_quant);
        IllegalTransitionException noReason = await Assert.ThrowsAsync<IllegalTransitionException>(() => s.Registry.ApproveAsync(s.ModelId, v, s_risk, " "));
        Assert.Contains("reason", noReason.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<ModelVersionNotFoundException>(() => s.Registry.PromoteAsync(s.ModelId, "20261201_0000_abcdef0", s_quant));
        ModelVerificationException refused = await Assert.ThrowsAsync<ModelVerificationException>(() => s.Registry.RegisterAsync(s.ModelId, unsigned, s_quant));
        Assert.Equal(SignatureStatus.Missing, refused.Signature);
        await Assert.ThrowsAsync<ArgumentException>(() => s.Registry.PromoteAsync("Bad Id", v, s_quant));

        Assert.Equal(2, (await s.Registry.HistoryAsync(s.ModelId)).Length);
        Assert.Equal(ModelStatus.Candidate, (await s.Registry.StateAsync(s.ModelId, v)).Status);
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task DeploySequence_RollbackAndServedBy_FollowThePointer(string store)
    {
        Setup s = Create(store);
        string[] v = [s.Versions.Write(), s.Versions.Write(), s.Versions.Write()];
        var deployedAt = new DateTimeOffset[3];
        for (int i = 0; i < 3; i++)
        {
            await ApprovedAsync(s, v[i]);
            s.Clock.Advance(TimeSpan.FromHours(1));
            deployedAt[i] = s.Clock.GetUtcNow();
            await s.Registry.DeployAsync(s.ModelId, v[i], s_risk, $"deploy {i}");
        }

        Assert.Equal([ModelStatus.Retired, ModelStatus.Retired, ModelStatus.Deployed], await StatusesAsync(s, v));
        s.Clock.Advance(TimeSpan.FromMinutes(10));
        await s.Registry.ReportLoadedAsync(s.ModelId, v[2], "worker-1", (await s.Registry.StateAsync(s.ModelId, v[2])).ChecksumsDigest);
        await s.Registry.ReportRefusedAsync(s.ModelId, v[2], "worker-2", "signature: unknown key");
        DateTimeOffset reported = s.Clock.GetUtcNow();

        s.Clock.Advance(TimeSpan.FromHours(1));
        DateTimeOffset rolledBackAt = s.Clock.GetUtcNow();
        Assert.Equal(v[1], (await s.Registry.RollbackAsync(s.ModelId, s_risk, "live drawdown")).Version);
        Assert.Equal([ModelStatus.Retired, ModelStatus.Deployed, ModelStatus.RolledBack], await StatusesAsync(s, v));
        s.Clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(v[0], (await s.Registry.RollbackAsync(s.ModelId, s_risk, "still bad")).Version);
        Assert.Equal([ModelStatus.Deployed, ModelStatus.RolledBack, ModelStatus.RolledBack], await StatusesAsync(s, v));
        await Assert.ThrowsAsync<IllegalTransitionException>(() => s.Registry.RollbackAsync(s.ModelId, s_risk, "no more"));

        Assert.Null((await s.Registry.ServedByAsync(s.ModelId, deployedAt[0].AddTicks(-10))).DeployedVersion);
        Assert.Equal(v[0], (await s.Registry.ServedByAsync(s.ModelId, deployedAt[0])).DeployedVersion);
        Assert.Equal(v[1], (await s.Registry.ServedByAsync(s.ModelId, deployedAt[2].AddMinutes(-1))).DeployedVersion);
        ServedBy afterReports = await s.Registry.ServedByAsync(s.ModelId, reported);
        Assert.Equal(v[2], afterReports.DeployedVersion);
        Assert.Equal(["worker-1", "worker-2"], afterReports.Reports.Select(r => r.Host));
        Assert.Equal([true, false], afterReports.Reports.Select(r => r.Loaded));
        Assert.Equal("signature: unknown key", afterReports.Reports[1].Reason);
        Assert.Equal(v[1], (await s.Registry.ServedByAsync(s.ModelId, rolledBackAt)).DeployedVersion);
        Assert.Equal(v[0], (await s.Registry.ServedByAsync(s.ModelId, s.Clock.GetUtcNow())).DeployedVersion);
        Assert.Empty((await s.Registry.ServedByAsync(s.ModelId, deployedAt[2])).Reports);

        // Redeploying a rolled-back version is not a legal move; a retired one is.
        await Assert.ThrowsAsync<IllegalTransitionException>(() => s.Registry.DeployAsync(s.ModelId, v[2], s_risk, "again"));
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task ConcurrentDeploys_EndWithExactlyOneDeployed_AndBothRecorded(string store)
    {
        Setup s = Create(store);
        string a = s.Versions.Write(), b = s.Versions.Write();
        await ApprovedAsync(s, a);
        await ApprovedAsync(s, b);
        ModelRegistry other = new(Store(store, s.Versions.ModelsRoot), s.Registry.Options, s.Clock);

        await Task.WhenAll(
            Task.Run(() => s.Registry.DeployAsync(s.ModelId, a, s_risk, "deploy a")),
            Task.Run(() => other.DeployAsync(s.ModelId, b, s_quant, "deploy b")));

        ImmutableArray<ModelVersionState> states = await s.Registry.VersionsAsync(s.ModelId);
        ModelVersionState deployed = Assert.Single(states, x => x.Status == ModelStatus.Deployed);
        Assert.Equal(ModelStatus.Retired, Assert.Single(states, x => x.Version != deployed.Version).Status);
        ImmutableArray<RegistryEvent> history = await s.Registry.HistoryAsync(s.ModelId);
        Assert.Equal(2, history.Count(e => e.To == ModelStatus.Deployed));
        Assert.Equal(["deploy a", "deploy b"], history.Where(e => e.To == ModelStatus.Deployed).Select(e => e.Reason!).Order(StringComparer.Ordinal));
        Assert.Equal(deployed.Version, await s.Registry.DeployedAsync(s.ModelId));
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task ManyConcurrentWriters_LoseNoEvent_AndKeepTheChain(string store)
    {
        Setup s = Create(store);
        string[] versions = [.. Enumerable.Range(0, 6).Select(_ => s.Versions.Write())];
        foreach (string v in versions)
        {
            await s.Registry.RegisterAsync(s.ModelId, v, s_quant);
        }

        await Task.WhenAll(versions.Select(v => Task.Run(async () =>
        {
            var registry = new ModelRegistry(Store(store, s.Versions.ModelsRoot), s.Registry.Options, s.Clock);
            await registry.PromoteAsync(s.ModelId, v, s_quant);
            await registry.ReportRefusedAsync(s.ModelId, v, "probe", "test");
        })));

        ImmutableArray<RegistryEvent> history = await s.Registry.HistoryAsync(s.ModelId);
        Assert.Equal(versions.Length * 3, history.Length);
        Assert.All(await s.Registry.VersionsAsync(s.ModelId), x => Assert.Equal(ModelStatus.Candidate, x.Status));
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task TamperedLog_IsDetected_AndRefused(string store)
    {
        foreach (string tamper in (string[])["edit", "truncate", "delete-middle", "reorder"])
        {
            Setup s = Create(store);
            string v = s.Versions.Write();
            await ApprovedAsync(s, v);
            await s.Registry.DeployAsync(s.ModelId, v, s_risk, "go live");

            await TamperAsync(store, s, tamper);

            RegistryLogException refused = await Assert.ThrowsAsync<RegistryLogException>(() => s.Registry.HistoryAsync(s.ModelId));
            Assert.Equal(s.ModelId, refused.ModelId);
            await Assert.ThrowsAsync<RegistryLogException>(() => s.Registry.RollbackAsync(s.ModelId, s_risk, "after tampering"));
            await Assert.ThrowsAsync<RegistryLogException>(() => s.Registry.ReportLoadedAsync(s.ModelId, v, "worker", ""));
        }
    }

    private static async Task ApprovedAsync(Setup s, string version)
    {
        await s.Registry.RegisterAsync(s.ModelId, version, s_quant);
        await s.Registry.PromoteAsync(s.ModelId, version, s_quant);
        await s.Registry.ApproveAsync(s.ModelId, version, s_risk, "reviewed");
    }

    private static async Task<ModelStatus[]> StatusesAsync(Setup s, string[] versions) =>
        [.. await Task.WhenAll(versions.Select(async v => (await s.Registry.StateAsync(s.ModelId, v)).Status))];

    private async Task TamperAsync(string store, Setup s, string tamper)
    {
        if (store == "file")
        {
            string path = Path.Combine(s.Versions.ModelsRoot, ModelRegistry.EmbeddedStoreFolder, s.ModelId, "events.jsonl");
            List<string> lines = [.. File.ReadAllLines(path)];
            switch (tamper)
            {
                case "edit": lines[2] = lines[2].Replace("reviewed", "reviewed twice", StringComparison.Ordinal); break;
                case "truncate": lines.RemoveAt(lines.Count - 1); break;
                case "delete-middle": lines.RemoveAt(1); break;
                default: (lines[1], lines[2]) = (lines[2], lines[1]); break;
            }

            File.WriteAllLines(path, lines);
            return;
        }

        string sql = tamper switch
        {
            "edit" => "UPDATE core.model_events SET reason = 'reviewed twice' WHERE model_id = $1 AND sequence = 3",
            "truncate" => "DELETE FROM core.model_events WHERE model_id = $1 AND sequence = (SELECT max(sequence) FROM core.model_events WHERE model_id = $1)",
            "delete-middle" => "DELETE FROM core.model_events WHERE model_id = $1 AND sequence = 2",
            _ => "UPDATE core.model_events SET sequence = CASE sequence WHEN 2 THEN 1000003 ELSE 1000002 END WHERE model_id = $1 AND sequence IN (2, 3); " +
                 "UPDATE core.model_events SET sequence = sequence - 1000000 WHERE model_id = $1 AND sequence > 1000000",
        };
        // Someone with the table owner's rights goes around the append-only trigger.
        await database.ExecuteAsync("ALTER TABLE core.model_events DISABLE TRIGGER model_events_append_only");
        try
        {
            foreach (string statement in sql.Split("; "))
            {
                await database.ExecuteAsync(statement, s.ModelId);
            }
        }
        finally
        {
            await database.ExecuteAsync("ALTER TABLE core.model_events ENABLE TRIGGER model_events_append_only");
        }
    }

    private IRegistryStore Store(string store, string modelsRoot) => store == "file"
        ? new FileRegistryStore(Path.Combine(modelsRoot, ModelRegistry.EmbeddedStoreFolder))
        : new PostgresRegistryStore(database.DataSource);

    private Setup Create(string store)
    {
        var versions = new SignedVersions();
        var clock = new ManualTimeProvider(new DateTimeOffset(2026, 12, 2, 9, 0, 0, TimeSpan.Zero));
        var registry = new ModelRegistry(Store(store, versions.ModelsRoot), new RegistryOptions { ModelsRoot = versions.ModelsRoot, Trust = versions.Trust }, clock);
        return new Setup(registry, versions, "pair-" + Guid.NewGuid().ToString("N")[..12], clock);
    }

    private sealed record Setup(ModelRegistry Registry, SignedVersions Versions, string ModelId, ManualTimeProvider Clock);
}
