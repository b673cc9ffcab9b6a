namespace Alpha.Worker.Tests;

[Collection(DeployedPairTests.Name)]
public sealed class EmbeddedWorkerTests(DeployedPair pair)
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromMinutes(3);

    [SharedDataFact]
    public void Embedded_ReplaysThePair_WritesExactlyTheSignalsOfAlphaReplay_AndOnlyOnce()
    {
        string folder = Directory.CreateTempSubdirectory("alpha-worker-embedded-").FullName;
        string output = Path.Combine(folder, "signals.jsonl");
        Dictionary<string, string?> env = pair.Environment(
            folder, ("Worker__Mode", "embedded"), ("Worker__Output", output), ("Worker__Replay__0", pair.FileA), ("Worker__Replay__1", pair.FileB));

        (int code, string stdout, string stderr) = WorkerProcess.Run(env, s_timeout);

        Assert.True(code == 0, stdout + stderr);
        Assert.Equal(pair.ExpectedJson, File.ReadAllLines(output));
        Assert.Contains($"{pair.ExpectedSignals.Count} signals emitted, outbox drained: True", stdout, StringComparison.Ordinal);

        // `alpha replay --as-served` of the same version and bars writes the same lines.
        string replayed = Path.Combine(folder, "replay.jsonl");
        (int replayCode, _, string replayError) = CliProcess.Run(
            s_timeout, "replay", "--model", Path.Combine(pair.ModelsRoot, pair.Version), "--data", pair.FileA, pair.FileB, "--config", pair.Configs,
            "--model-id", DeployedPair.ModelId, "--as-served", "--out", replayed);
        Assert.True(replayCode == 0, replayError);
        Assert.Equal(File.ReadAllLines(output), File.ReadAllLines(replayed));

        // Started again on the same outbox: the engine resumes from its checkpoint, decides nothing twice, writes nothing.
        (code, stdout, stderr) = WorkerProcess.Run(env, s_timeout);

        Assert.True(code == 0, stdout + stderr);
        Assert.Contains("0 signals emitted, outbox drained: True", stdout, StringComparison.Ordinal);
        Assert.Equal(pair.ExpectedJson, File.ReadAllLines(output));
    }

    [Theory]
    [InlineData("SERVICE_ENV", "setting SERVICE_ENV: is required and not set.")]
    [InlineData("Worker__Outbox", "setting Worker:Outbox: is required and not set.")]
    [InlineData("Worker__Replay__0", "setting Worker:Replay: embedded mode replays bar files")]
    public void MissingSetting_RefusesToStart_WithOneLine(string missing, string message)
    {
        string folder = Directory.CreateTempSubdirectory("alpha-worker-settings-").FullName;
        var env = new Dictionary<string, string?>
        {
            ["SERVICE_ENV"] = "test",
            ["Worker__Mode"] = "embedded",
            ["Worker__ModelsRoot"] = folder,
            ["Worker__Catalogue"] = folder,
            ["Worker__Configs"] = folder,
            ["Worker__RequireSignature"] = "false",
            ["Worker__Outbox"] = Path.Combine(folder, "outbox.db"),
            ["Worker__Output"] = Path.Combine(folder, "signals.jsonl"),
            ["Worker__Replay__0"] = Path.Combine(TestEnvironment.RepositoryRoot, "README.md"),
        };
        env.Remove(missing);

        (int code, string stdout, string stderr) = WorkerProcess.Run(env, s_timeout);

        Assert.Equal(2, code);
        Assert.Empty(stdout);
        Assert.StartsWith("alpha-worker: " + message, stderr, StringComparison.Ordinal);
        Assert.Single(stderr.TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public void BadCatalogue_IsLoggedOnOneLine_AndExitsWith2()
    {
        string folder = Directory.CreateTempSubdirectory("alpha-worker-catalogue-").FullName;
        string catalogue = Directory.CreateDirectory(Path.Combine(folder, "models")).FullName;
        File.WriteAllText(Path.Combine(catalogue, "audnzd-h4.yaml"), "kind: pair-gbdt\npair: { id: AUDUSD-NZDUSD, leg_a: AUDUSD, leg_b: NZDUSD, timeframe: 4x }\nversion: deployed\n");
        var env = new Dictionary<string, string?>
        {
            ["SERVICE_ENV"] = "test",
            ["Worker__Mode"] = "embedded",
            ["Worker__ModelsRoot"] = folder,
            ["Worker__Catalogue"] = catalogue,
            ["Worker__Configs"] = pair.Configs,
            ["Worker__RequireSignature"] = "false",
            ["Worker__Outbox"] = Path.Combine(folder, "outbox.db"),
            ["Worker__Output"] = Path.Combine(folder, "signals.jsonl"),
            ["Worker__Replay__0"] = Path.Combine(TestEnvironment.RepositoryRoot, "README.md"),
        };

        (int code, string stdout, string stderr) = WorkerProcess.Run(env, s_timeout);

        Assert.True(code == 2, stdout + stderr);
        Assert.Contains("The worker cannot start: audnzd-h4.yaml", stdout, StringComparison.Ordinal);
        Assert.Contains("pair.timeframe", stdout, StringComparison.Ordinal);
    }
}
