using System.Text;

namespace Alpha.Registry.Tests;

/// <summary>What only the file store has to prove: crash leftovers, malformed files, the lock.</summary>
public sealed class FileRegistryStoreTests
{
    private static readonly RegistryActor s_quant = new("alice", "quant");

    [Fact]
    public async Task TornLastLineFromACrash_IsIgnored_AndCutByTheNextAppend()
    {
        (ModelRegistry registry, SignedVersions versions, string events) = Create();
        string a = versions.Write(), b = versions.Write();
        await registry.RegisterAsync("pair", a, s_quant);
        File.AppendAllText(events, "{\"sequence\":2,\"model_id\":\"pa");      // an append that crashed mid-line, never acknowledged

        Assert.Single(await registry.HistoryAsync("pair"));
        await registry.RegisterAsync("pair", b, s_quant);

        Assert.Equal([1L, 2], (await registry.HistoryAsync("pair")).Select(e => e.Sequence));
        Assert.Equal(2, File.ReadAllLines(events).Length);
    }

    [Fact]
    public async Task MalformedLineWithinTheAcknowledgedLog_IsRefused_NamingTheLine()
    {
        (ModelRegistry registry, SignedVersions versions, string events) = Create();
        await registry.RegisterAsync("pair", versions.Write(), s_quant);
        await registry.RegisterAsync("pair", versions.Write(), s_quant);
        string[] lines = File.ReadAllLines(events);
        lines[0] = "{not json";
        File.WriteAllLines(events, lines);

        RegistryLogException refused = await Assert.ThrowsAsync<RegistryLogException>(() => registry.HistoryAsync("pair"));
        Assert.Equal(1, refused.Sequence);
        Assert.Contains("line 1", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MalformedHead_IsRefused()
    {
        (ModelRegistry registry, SignedVersions versions, string events) = Create();
        await registry.RegisterAsync("pair", versions.Write(), s_quant);
        File.WriteAllText(Path.Combine(Path.GetDirectoryName(events)!, "head.json"), "{\"sequence\":1,\"hash\":\"zz\"}");

        await Assert.ThrowsAsync<RegistryLogException>(() => registry.HistoryAsync("pair"));
    }

    [Fact]
    public async Task HeldLock_MakesAnAppendWait_AndTimeOutWithAClearError()
    {
        (_, SignedVersions versions, string events) = Create();
        var store = new FileRegistryStore(Path.Combine(versions.ModelsRoot, ModelRegistry.EmbeddedStoreFolder), TimeSpan.FromMilliseconds(300));
        var registry = new ModelRegistry(store, new RegistryOptions { ModelsRoot = versions.ModelsRoot, Trust = versions.Trust });
        string v = versions.Write();
        Directory.CreateDirectory(Path.GetDirectoryName(events)!);
        using (new FileStream(Path.Combine(Path.GetDirectoryName(events)!, ".lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None))
        {
            TimeoutException timeout = await Assert.ThrowsAsync<TimeoutException>(() => registry.RegisterAsync("pair", v, s_quant));
            Assert.Contains(".lock", timeout.Message, StringComparison.Ordinal);
        }

        Assert.Equal(ModelStatus.Draft, (await registry.RegisterAsync("pair", v, s_quant)).Status);
    }

    [Fact]
    public async Task VersionRows_SurviveAReopen_WithThetaAndSeed()
    {
        (ModelRegistry registry, SignedVersions versions, _) = Create();
        string v = versions.Write();
        await registry.RegisterAsync("pair", v, s_quant, "note with \"quotes\" and ünïcode");

        var reopened = ModelRegistry.Embedded(registry.Options);
        ModelVersionRecord row = Assert.IsType<ModelVersionRecord>((await reopened.StateAsync("pair", v)).Record);

        Assert.Equal("note with \"quotes\" and ünïcode", row.Notes);
        Assert.Equal(0.51, row.Theta1);
        Assert.Equal(Path.Combine(versions.Folder(v), ModelFiles.Ai1Model), row.ModelAi1Path);
        Assert.Contains("theta_search", row.MetricsJson, StringComparison.Ordinal);
        Assert.Equal(Encoding.UTF8.GetString([.. SignedVersions.Artifacts(1)[ModelFiles.Metrics]]), row.MetricsJson);
    }

    private static (ModelRegistry Registry, SignedVersions Versions, string EventsFile) Create()
    {
        var versions = new SignedVersions();
        var registry = ModelRegistry.Embedded(new RegistryOptions { ModelsRoot = versions.ModelsRoot, Trust = versions.Trust });
        return (registry, versions, Path.Combine(versions.ModelsRoot, ModelRegistry.EmbeddedStoreFolder, "pair", "events.jsonl"));
    }
}
