using Alpha.Configuration;
using Alpha.Registry;

namespace Alpha.Cli.Tests;

[Collection(Sequential.Name)]
public sealed class CliTests
{
    private static string Repo(params string[] parts) => Path.Combine([TestEnvironment.RepositoryRoot, .. parts]);

    [XGBoostFact]
    public void Demo_TrainsIntoTheGivenFolder_AndInspectVerifiesIt()
    {
        string root = Directory.CreateTempSubdirectory("alpha-demo-test-").FullName;

        (int code, string output, string error) = Alpha.Run("demo", "--out", root, "--bars", "4000");

        Assert.True(code == 0, error);
        string version = Assert.Single(ModelStore.ListVersions(root));
        Assert.Equal([Path.Combine(root, ModelRegistry.EmbeddedStoreFolder), version], Directory.EnumerateFileSystemEntries(root).Order(StringComparer.Ordinal));
        Assert.Contains($"registered as demo/{Path.GetFileName(version)}: draft (unsigned)", output, StringComparison.Ordinal);
        Assert.Contains("checksums verified", output, StringComparison.Ordinal);
        Assert.Contains("adoption", output, StringComparison.Ordinal);

        (code, output, _) = Alpha.Run("inspect", version);
        Assert.Equal(0, code);
        Assert.Contains(Path.GetFileName(version), output, StringComparison.Ordinal);

        File.AppendAllText(Path.Combine(version, ModelFiles.Params), "theta1: 0.01\n");
        (code, output, _) = Alpha.Run("inspect", version);
        Assert.Equal(3, code);
        Assert.Contains("does not match", output, StringComparison.Ordinal);

        // A shortened checksum is a verification problem too (exit 3), not a crash.
        string checksums = Path.Combine(version, ModelFiles.Checksums);
        File.WriteAllText(checksums, System.Text.RegularExpressions.Regex.Replace(File.ReadAllText(checksums), "\"([0-9a-f]{64})\"", "\"abc\""));
        (code, output, error) = Alpha.Run("inspect", version);
        Assert.Equal(3, code);
        Assert.Contains("is not a SHA-256", output, StringComparison.Ordinal);
        Assert.Empty(error);
    }

    [XGBoostFact]
    public void Demo_AfterADeploy_ComparesWithTheDeployedVersion()
    {
        string root = Directory.CreateTempSubdirectory("alpha-demo-deployed-").FullName;
        Assert.Equal(0, Alpha.Run("demo", "--out", root, "--bars", "3000").ExitCode);
        string first = Path.GetFileName(Assert.Single(ModelStore.ListVersions(root)));
        string[] registry = ["--models", root, "--model-id", "demo", "--allow-unsigned", "--reason", "test"];
        foreach (string move in (string[])["promote", "approve", "deploy"])
        {
            (int moved, _, string moveError) = Alpha.Run(["models", move, first, .. registry]);
            Assert.True(moved == 0, moveError);
        }

        (int code, string output, string error) = Alpha.Run("demo", "--out", root, "--bars", "3000");

        Assert.True(code == 0, error);
        Assert.Contains($"comparing with demo's deployed version {first}", output, StringComparison.Ordinal);
        Assert.Contains("sharpe_vs_deployed", output, StringComparison.Ordinal);
    }

    [XGBoostFact]
    public void Demo_WithoutOut_RemovesItsTemporaryFolder_AndPrintsPlainUnwrappedText()
    {
        (int code, string output, string error) = Alpha.Run("demo", "--bars", "3000");

        Assert.True(code == 0, error);
        string root = System.Text.RegularExpressions.Regex.Match(output, "models go to (\\S+)").Groups[1].Value;
        Assert.NotEmpty(root);
        Assert.False(Directory.Exists(root), $"{root} was left behind");
        Assert.DoesNotContain('\u001b', output);                                    // no ANSI codes in a pipe
        string[] lines = output.Split('\n');
        Assert.Contains(lines, l => l.Length > 80);                                  // tables and lines are not wrapped
        Assert.Contains(lines, l => l.StartsWith("│ AI1 ", StringComparison.Ordinal) && l.TrimEnd().EndsWith('│'));   // a whole row
        Assert.Contains("data quality", output, StringComparison.Ordinal);
        Assert.Contains("aligned bars from", output, StringComparison.Ordinal);
        Assert.Contains("alongside FinalModels", output, StringComparison.Ordinal);
        Assert.Contains("model not adopted", output, StringComparison.Ordinal);
    }

    [Fact]
    public void UnwritableModelsFolder_IsRefusedBeforeTraining()
    {
        string file = Path.Combine(Directory.CreateTempSubdirectory("alpha-cli-out-").FullName, "a-file");
        File.WriteAllText(file, "not a folder");

        (int code, string output, string error) = Alpha.Run("demo", "--out", Path.Combine(file, "models"));

        Assert.Equal(1, code);
        Assert.Contains("is not writable", error, StringComparison.Ordinal);
        Assert.Contains("nothing was trained", error, StringComparison.Ordinal);
        Assert.DoesNotContain("CrossValidation", output, StringComparison.Ordinal);
    }

    [Fact]
    public void BareAlpha_PrintsUsage_AndExitsWithTwo()
    {
        (int code, string output, _) = Alpha.Run();

        Assert.Equal(2, code);
        Assert.Contains("Usage:", output, StringComparison.Ordinal);
        Assert.Contains("train", output, StringComparison.Ordinal);
        Assert.Contains("demo", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--bars", "abc", "--bars must be a whole number from 2,000 to 1,000,000 (got 'abc').")]
    [InlineData("--bars", "10", "--bars must be a whole number from 2,000 to 1,000,000 (got '10').")]
    [InlineData("--seed", "-1", "--seed must be a whole number from 0 to 2,147,483,647 (got '-1').")]
    public void InvalidOptionValue_ExitsWithTwo_NamingTheOption(string option, string value, string message)
    {
        (int code, _, string error) = Alpha.Run("demo", option, value);

        Assert.Equal(2, code);
        Assert.Equal($"alpha: {message}", error.Split('\n')[0]);
        Assert.DoesNotContain("System.", error, StringComparison.Ordinal);
    }

    [SharedDataFact]
    public void TrainBacktestOptimize_OnTheRealPair()
    {
        string root = Directory.CreateTempSubdirectory("alpha-train-test-").FullName;
        string a = TestEnvironment.SharedFile("fx-audnzd", "AUDUSD_H4.csv"), b = TestEnvironment.SharedFile("fx-audnzd", "NZDUSD_H4.csv");

        string keys = Directory.CreateTempSubdirectory("alpha-keys-test-").FullName;
        Assert.Equal(0, Alpha.Run("keys", "new", "--out", keys).ExitCode);
        (int code, string output, string error) = Alpha.Run("train", "--config", Repo("configs"), "--data", a, b, "--out", root, "--model-id", "audnzd-h4", "--signing-key", Path.Combine(keys, "training.pem"));
        Assert.True(code == 0, error);
        string version = Assert.Single(ModelStore.ListVersions(root));
        Assert.True(ModelStore.Verify(version, new ModelTrust([File.ReadAllText(Path.Combine(keys, "training.public.pem"))])).IsValid);
        Assert.Matches("registered as audnzd-h4/" + Path.GetFileName(version) + ": (draft|candidate) \\(signed with key [0-9a-f]{16}\\)", output);
        Assert.Contains("AI2", output, StringComparison.Ordinal);

        (code, output, error) = Alpha.Run("backtest", "--model", version, "--data", a, b, "--config", Repo("configs"));
        Assert.True(code == 0, error);
        Assert.Contains("cost x3", output, StringComparison.Ordinal);
        Assert.Contains("In sample:", output, StringComparison.Ordinal);             // its own training data, said so
        Assert.Contains("out-of-sample one", output, StringComparison.Ordinal);

        (code, _, error) = Alpha.Run("backtest", "--model", version, "--data", a, b, "--config", Repo("configs"), "--theta1", "1.5");
        Assert.Equal(2, code);
        Assert.StartsWith("alpha: --theta1 must be a number from 0 to 1 (got '1.5').", error, StringComparison.Ordinal);

        string signals = Path.Combine(root, "signals.jsonl");
        (code, output, error) = Alpha.Run("replay", "--model", version, "--data", a, b, "--config", Repo("configs"), "--model-id", "audnzd-h4", "--out", signals);
        Assert.True(code == 0, error);
        Assert.Matches("replay = backtest +│ yes: ([0-9,]+) of \\1 trades identical", output);
        string[] lines = File.ReadAllLines(signals);
        Assert.NotEmpty(lines);
        Assert.All(lines, line => Assert.Equal("audnzd-h4", global::Alpha.Signals.SignalJson.Parse(System.Text.Encoding.UTF8.GetBytes(line)).ModelId));

        (code, output, error) = Alpha.Run("optimize", "--model", version, "--data", a, b, "--config", Repo("configs"));
        Assert.True(code == 0, error);
        Assert.Contains("chosen θ", output, StringComparison.Ordinal);

        (code, output, error) = Alpha.Run("monitor", "--model", version, "--data", a, b, "--config", Repo("configs"), "--since", "2022-09-11");
        Assert.True(code == 0, error);
        Assert.Matches("since 2022-09-11: [0-9]+ candidates, [0-9]+ trades", output);
        Assert.Matches("verdict: (ok|warn|alert|insufficient)", output);
        Assert.Contains("return_prob", output, StringComparison.Ordinal);
        Assert.Contains("Wilson 95 % [", output, StringComparison.Ordinal);
        Assert.Equal(2, Alpha.Run("monitor", "--model", version, "--data", a, b, "--config", Repo("configs"), "--since", "soon").ExitCode);
        string older = TestFolders.CopyOf(version, "alpha-monitor-old-");
        File.Delete(Path.Combine(older, ModelFiles.DriftReference));
        (code, _, error) = Alpha.Run("monitor", "--model", older, "--data", a, b, "--config", Repo("configs"), "--since", "2022-09-11");
        Assert.Equal(1, code);
        Assert.Contains("has no drift_reference.json", error, StringComparison.Ordinal);
    }

    [SharedDataFact]
    public void TrainDirection_OnTheRealPair_StoresAVerifiedThreeClassVersion()
    {
        string root = Directory.CreateTempSubdirectory("alpha-direction-test-").FullName;
        string a = TestEnvironment.SharedFile("fx-audnzd", "AUDUSD_H4.csv"), b = TestEnvironment.SharedFile("fx-audnzd", "NZDUSD_H4.csv");

        (int code, string output, string error) = Alpha.Run("train", "--flow", "direction", "--config", Repo("configs"), "--data", a, b, "--out", root, "--model-id", "audnzd-direction");
        (int bad, _, string refused) = Alpha.Run("train", "--flow", "sideways", "--config", Repo("configs"), "--data", a, b, "--out", root);

        Assert.True(code == 0, error);
        string version = Assert.Single(ModelStore.ListVersions(root));
        Assert.True(ModelStore.Verify(version, ModelTrust.ChecksumsOnly).IsValid);
        Assert.True(File.Exists(Path.Combine(version, ModelFiles.DirectionModel)));
        Assert.Contains("kind: direction-3class", File.ReadAllText(Path.Combine(version, ModelFiles.DirectionParams)), StringComparison.Ordinal);
        Assert.Matches("AUC range vs rest \\([0-9,]+\\) │ 0\\.[0-9]{4}", output);
        Assert.Contains("class-frequency baseline", output, StringComparison.Ordinal);
        Assert.Matches("registered as audnzd-direction/" + Path.GetFileName(version) + " \\(direction-3class\\): draft", output);
        Assert.Equal(2, bad);
        Assert.Contains("sideways", refused, StringComparison.Ordinal);
    }

    [SharedDataFact]
    public void Train_OnLeanDailyArchives_StoresAVerifiedVersion()
    {
        string root = Directory.CreateTempSubdirectory("alpha-lean-test-").FullName;
        string a = TestEnvironment.SharedFile("lean-fx-daily", "eurusd.zip"), b = TestEnvironment.SharedFile("lean-fx-daily", "gbpusd.zip");

        (int code, string output, string error) = Alpha.Run("train", "--config", Repo("configs"), "--data", a, b, "--quote", "mid", "--out", root);

        Assert.True(code == 0, error);
        string version = Assert.Single(ModelStore.ListVersions(root));
        Assert.True(ModelStore.Verify(version).IsValid);
        Assert.Contains("AI2", output, StringComparison.Ordinal);
        string index = File.ReadAllText(Path.Combine(version, "dataset_index.json"));
        Assert.Contains("EURUSD", index, StringComparison.Ordinal);
        Assert.Contains("GBPUSD", index, StringComparison.Ordinal);
    }

    [Fact]
    public void Errors_AreOneLineOnStderr_WithANonZeroExitCode()
    {
        string missing = Path.Combine(Path.GetTempPath(), "alpha-no-such-config");
        (int code, string output, string error) = Alpha.Run("train", "--config", missing, "--data", "a.csv", "b.csv", "--out", Path.GetTempPath());

        Assert.Equal(1, code);
        Assert.Equal($"alpha: core_policy.yaml: not found in {missing}.", error.TrimEnd());
        Assert.Empty(output);

        (code, _, error) = Alpha.Run("train", "--config", missing, "--data", "a.csv", "b.csv", "--out", Path.GetTempPath(), "--verbose");
        Assert.Equal(1, code);
        Assert.Contains("   at Alpha.Configuration.ConfigNode.Load", error, StringComparison.Ordinal);
    }

    [Fact]
    public void BadConfigKey_NamesFileAndKey()
    {
        string folder = Directory.CreateTempSubdirectory("alpha-cli-config-").FullName;
        foreach (string file in Directory.EnumerateFiles(Repo("configs")))
        {
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        }

        string retrain = Path.Combine(folder, "retrain_policy.yaml");
        File.WriteAllText(retrain, File.ReadAllText(retrain).Replace("  max_depth: 4\n", "  max_depth: deep\n", StringComparison.Ordinal));

        (int code, _, string error) = Alpha.Run("train", "--config", folder, "--data", "a.csv", "b.csv", "--out", Path.GetTempPath());

        Assert.Equal(1, code);
        Assert.Equal("alpha: retrain_policy.yaml: xgboost.max_depth: 'deep' is not an integer.", error.TrimEnd());
    }

    [Fact]
    public void UsageErrors_ExitWithTwo()
    {
        (int code, _, string error) = Alpha.Run("train", "--config", "x");
        Assert.Equal(2, code);
        Assert.StartsWith("alpha: ", error, StringComparison.Ordinal);
    }

    [RedisSharedDataFact]
    public async Task Feed_PublishesEveryBarOfBothLegs_IntoTheWorkersStreams()
    {
        string a = TestEnvironment.SharedFile("fx-audnzd", "AUDUSD_H4.csv"), b = TestEnvironment.SharedFile("fx-audnzd", "NZDUSD_H4.csv");
        string prefix = $"test:{Guid.NewGuid():N}:";
        var env = new Dictionary<string, string?> { ["REDIS_URL"] = TestEnvironment.RedisConfiguration };

        (int code, string output, string error) = Alpha.RunWith(env, "feed", "--data", a, b, "--key-prefix", prefix);

        Assert.True(code == 0, error);
        Assert.Matches("published [0-9,]+ bars of AUDUSD and NZDUSD", output);
        using StackExchange.Redis.ConnectionMultiplexer redis = await StackExchange.Redis.ConnectionMultiplexer.ConnectAsync(TestEnvironment.RedisConfiguration);
        StackExchange.Redis.IDatabase db = redis.GetDatabase();
        Assert.Equal(global::Alpha.MarketData.BarFiles.Load(a).Count, await db.StreamLengthAsync($"{prefix}bars:AUDUSD:4h"));
        Assert.Equal(global::Alpha.MarketData.BarFiles.Load(b).Count, await db.StreamLengthAsync($"{prefix}bars:NZDUSD:4h"));
    }

    [Fact]
    public void Feed_WithABadSpeedOrNoRedisUrl_SaysWhat()
    {
        (int code, _, string error) = Alpha.Run("feed", "--data", "a.csv", "b.csv", "--speed", "fast");
        Assert.Equal(2, code);
        Assert.StartsWith("alpha: --speed must be 'max' or a positive multiple of real time (got 'fast').", error, StringComparison.Ordinal);

        string a = Repo("README.md");
        (code, _, error) = Alpha.RunWith(new Dictionary<string, string?> { ["REDIS_URL"] = null }, "feed", "--data", a, a);
        Assert.Equal(1, code);
        Assert.StartsWith("alpha: REDIS_URL is not set", error, StringComparison.Ordinal);
    }
}
