using System.Collections.Immutable;
using Alpha.Registry;
using Alpha.Signals;
using Alpha.Worker.Tests;

namespace Alpha.Worker.FaultTests;

/// <summary>
/// The worker under faults (DESIGN.md § 8), each test on its own servers, each ending with the signals in the Redis
/// stream and in core.signals_history equal to the offline replay's: the same ids in the same order, none lost, none twice.
/// The fault strikes before chunk <see cref="Strike"/> of <see cref="FaultRig.Chunks"/>, with the worker mid-stream.
/// </summary>
[Collection(Faults.Name)]
public sealed class WorkerFaultTests(FaultFixture fixture)
{
    private const int Strike = 12;
    private static readonly TimeSpan s_timeout = TimeSpan.FromMinutes(4);

    [FaultFact]
    public async Task RedisKilledMidStream_RestartedAfter10s_SameSignals()
    {
        using var rig = new FaultRig(fixture.Pair);
        rig.StartWorker("worker-1");
        await rig.WaitForOwnerAsync("worker-1");

        await rig.FeedAsync(async k =>
        {
            if (k == Strike)
            {
                rig.Redis.Kill();                                   // SIGKILL: acknowledged writes are in the append-only file
                await Task.Delay(TimeSpan.FromSeconds(10));
                rig.Redis.Start();
            }
        });

        await rig.WaitForDeliveryAsync(fixture.ReplayJson.Length);
        await rig.AssertDeliveredAsync(fixture.ReplayJson);
    }

    [FaultFact]
    public async Task PostgresStoppedFor60s_MidStream_SameSignals()
    {
        using var rig = new FaultRig(fixture.Pair);
        rig.StartWorker("worker-1");
        await rig.WaitForOwnerAsync("worker-1");
        Task restart = Task.CompletedTask;

        await rig.FeedAsync(k =>
        {
            if (k == Strike)
            {
                rig.Postgres.Stop();
                restart = Task.Run(async () =>
                {
                    await Task.Delay(TimeSpan.FromSeconds(60));
                    rig.Postgres.Start();
                });
            }

            return Task.CompletedTask;
        });

        long inStreamWhileDown = await rig.Client.GetDatabase().StreamLengthAsync(rig.Keys.Signals);
        await restart;
        await rig.WaitForDeliveryAsync(fixture.ReplayJson.Length);
        await rig.AssertDeliveredAsync(fixture.ReplayJson);
        Assert.True(inStreamWhileDown > 0, "Redis kept receiving signals while PostgreSQL was down");
    }

    [FaultFact]
    public async Task WorkerKilledMidStream_AndRestarted_SameSignals()
    {
        using var rig = new FaultRig(fixture.Pair);
        WorkerProcess first = rig.StartWorker("worker-1");
        await rig.WaitForOwnerAsync("worker-1");

        await rig.FeedAsync(async k =>
        {
            if (k == Strike)
            {
                first.KillHard();                                   // no drain: its outbox keeps what it had not relayed
                Assert.NotNull(await rig.LeaseOwnerAsync());        // the dead worker's lease outlives it…
                rig.StartWorker("worker-1");                        // …until it expires: the restarted worker waits, then resumes
            }
        });

        await rig.WaitForOwnerAsync("worker-1");
        await rig.WaitForDeliveryAsync(fixture.ReplayJson.Length);
        await rig.AssertDeliveredAsync(fixture.ReplayJson);
    }

    [FaultFact]
    public async Task TwoWorkersOnOneShard_TheOwnerKilled_TheOtherTakesTheLeaseAndContinues()
    {
        using var rig = new FaultRig(fixture.Pair);
        WorkerProcess owner = rig.StartWorker("worker-a");
        await rig.WaitForOwnerAsync("worker-a");
        rig.StartWorker("worker-b");                                // waits for the lease

        await rig.FeedAsync(k =>
        {
            if (k == Strike)
            {
                owner.KillHard();
            }

            return Task.CompletedTask;
        });

        await rig.WaitForOwnerAsync("worker-b");
        await rig.WaitForDeliveryAsync(fixture.ReplayJson.Length);
        await rig.AssertDeliveredAsync(fixture.ReplayJson);
    }

    [FaultFact]
    public async Task CorruptedAndUnsignedVersionsDeployed_AreRefusedAndReported_ThePreviousKeepsServing_ThenAGoodOneIsSwappedIn()
    {
        DeployedPair pair = fixture.Pair;
        string root = pair.CopyModelsRoot();                        // the versions this test deploys stay in its own models root
        using var rig = new FaultRig(pair);
        WorkerProcess worker = rig.StartWorker("worker-1", ("Worker__ModelsRoot", root));
        await rig.WaitForOwnerAsync("worker-1");
        var actor = new RegistryActor("fault-tests", "ops");
        string corrupted = "", unsigned = "", good = "";
        ServingReport? refusedCorrupt = null, refusedUnsigned = null;

        await rig.FeedAsync(
            async k =>
            {
                if (k != Strike)
                {
                    return;
                }

                // A signed version deployed, then damaged on disk before the worker looks (it is frozen meanwhile).
                worker.Pause(true);
                corrupted = await DeployAsync(pair.Registry(root, At(1)), pair.SigningKey, actor);
                string file = Directory.EnumerateFiles(Path.Combine(root, corrupted), "*.txt").Order(StringComparer.Ordinal).First();
                byte[] bytes = File.ReadAllBytes(file);
                bytes[bytes.Length / 2] ^= 0x20;
                File.WriteAllBytes(file, bytes);
                worker.Pause(false);
                refusedCorrupt = await WaitForReportAsync(pair, root, corrupted, loaded: false);

                // An unsigned version, deployed through a registry that does not ask for signatures.
                unsigned = await DeployAsync(pair.Registry(root, At(2), ModelTrust.ChecksumsOnly), null, actor);
                refusedUnsigned = await WaitForReportAsync(pair, root, unsigned, loaded: false);
            },
            to: 28);

        // Caught up and delivered, then a good version is deployed: the worker swaps to it and goes on.
        await Wait.UntilAsync(CaughtUpAsync(rig), s_timeout, "the worker to catch up");
        good = await DeployAsync(pair.Registry(root, At(3)), pair.SigningKey, actor);
        await WaitForReportAsync(pair, root, good, loaded: true);
        await rig.FeedAsync(_ => Task.CompletedTask, from: 28);
        await rig.WaitForDeliveryAsync(fixture.ReplayJson.Length);

        // Up to the swap, the replay's signals of the first version; after it, the same decisions under the new version.
        string[] stream = await rig.StreamAsync();
        int swapped = Array.FindIndex(stream, s => Parse(s).ModelVersion == good);
        Assert.True(swapped > 0, $"signals after the swap carry {good}");
        string[] expected = [.. fixture.ReplayJson[..swapped], .. fixture.Replay[swapped..].Select(s => Json(Relabel(s, good)))];
        await rig.AssertDeliveredAsync(expected);
        Assert.DoesNotContain(stream, s => Parse(s).ModelVersion == corrupted || Parse(s).ModelVersion == unsigned);

        Assert.Contains("model_", refusedCorrupt!.Reason, StringComparison.Ordinal);                // the damaged file is named
        Assert.Contains("signature", refusedUnsigned!.Reason, StringComparison.OrdinalIgnoreCase);
        Directory.Delete(root, recursive: true);
    }

    // The worker has delivered everything it was fed: both targets' checkpoints agree and nothing moves for 2 s.
    private static Func<Task<bool>> CaughtUpAsync(FaultRig rig)
    {
        (long Stream, string? Redis)? last = null;
        DateTime since = DateTime.UtcNow;
        return async () =>
        {
            StackExchange.Redis.IDatabase db = rig.Client.GetDatabase();
            long stream = await db.StreamLengthAsync(rig.Keys.Signals);
            string? redis = await db.HashGetAsync(rig.Keys.CheckpointWatermarks, $"{DeployedPair.ModelId}|AUDUSD-NZDUSD");
            await using Npgsql.NpgsqlCommand command = rig.Database.CreateCommand("SELECT watermark FROM core.pair_checkpoints");
            object? pg = await command.ExecuteScalarAsync();
            bool agree = redis is not null && pg is DateTime w && w.Ticks.ToString(System.Globalization.CultureInfo.InvariantCulture) == redis;
            if (!agree || last != (stream, redis))
            {
                (last, since) = ((stream, redis), DateTime.UtcNow);
                return false;
            }

            return DateTime.UtcNow - since > TimeSpan.FromSeconds(2);
        };
    }

    private static ManualTimeProvider At(int minute) => new(new DateTimeOffset(2099, 1, 1, 0, minute, 0, TimeSpan.Zero));

    private async Task<string> DeployAsync(ModelRegistry registry, ModelSigningKey? key, RegistryActor actor)
    {
        ModelVersionState state = await registry.WriteAsync(DeployedPair.ModelId, fixture.Pair.Artifacts, actor, key);
        await registry.PromoteAsync(DeployedPair.ModelId, state.Version, actor, "fault test");
        await registry.ApproveAsync(DeployedPair.ModelId, state.Version, actor, "fault test");
        await registry.DeployAsync(DeployedPair.ModelId, state.Version, actor, "fault test");
        return state.Version;
    }

    // The registry's ServedBy shows each host's latest report: wait for this one, and keep it.
    private static async Task<ServingReport> WaitForReportAsync(DeployedPair pair, string root, string version, bool loaded)
    {
        ServingReport? found = null;
        await Wait.UntilAsync(
            async () => (found = (await pair.Registry(root).ServedByAsync(DeployedPair.ModelId, DateTimeOffset.MaxValue)).Reports
                .FirstOrDefault(r => r.Version == version && r.Loaded == loaded && r.Host == "worker-1")) is not null,
            s_timeout,
            $"worker-1 to report {version} {(loaded ? "loaded" : "refused")}");
        return found!;
    }

    private static Signal Parse(string json) => SignalJson.Parse(System.Text.Encoding.UTF8.GetBytes(json));

    private static string Json(Signal signal) => System.Text.Encoding.UTF8.GetString(SignalJson.Serialize(signal));

    private static Signal Relabel(Signal s, string version) =>
        s with { ModelVersion = version, Id = SignalId.Of(s.ModelId, s.PairId, s.Timestamp, version, s.Action) };
}
