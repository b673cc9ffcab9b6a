using Alpha.Training;

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
        Assert.Equal([version], Directory.EnumerateFileSystemEntries(root));
        Assert.Contains("checksums verified", output, StringComparison.Ordinal);
        Assert.Contains("adoption", output, StringComparison.Ordinal);

        (code, output, _) = Alpha.Run("inspect", version);
        Assert.Equal(0, code);
        Assert.Contains(Path.GetFileName(version), output, StringComparison.Ordinal);

        File.AppendAllText(Path.Combine(version, ModelFiles.Params), "theta1: 0.01\n");
        (code, output, _) = Alpha.Run("inspect", version);
        Assert.Equal(3, code);
        Assert.Contains("does not match", output, StringComparison.Ordinal);
    }

    [SharedDataFact]
    public void TrainBacktestOptimize_OnTheRealPair()
    {
        string root = Directory.CreateTempSubdirectory("alpha-train-test-").FullName;
        string a = TestEnvironment.SharedFile("fx-audnzd", "AUDUSD_H4.csv"), b = TestEnvironment.SharedFile("fx-audnzd", "NZDUSD_H4.csv");

        (int code, string output, string error) = Alpha.Run("train", "--config", Repo("configs"), "--data", a, b, "--out", root);
        Assert.True(code == 0, error);
        string version = Assert.Single(ModelStore.ListVersions(root));
        Assert.True(ModelStore.Verify(version).IsValid);
        Assert.Contains("AI2", output, StringComparison.Ordinal);

        (code, output, error) = Alpha.Run("backtest", "--model", version, "--data", a, b, "--config", Repo("configs"));
        Assert.True(code == 0, error);
        Assert.Contains("cost x3", output, StringComparison.Ordinal);

        (code, output, error) = Alpha.Run("optimize", "--model", version, "--data", a, b, "--config", Repo("configs"));
        Assert.True(code == 0, error);
        Assert.Contains("chosen θ", output, StringComparison.Ordinal);
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
        Assert.Contains("   at Alpha.Training.PolicyNode.Load", error, StringComparison.Ordinal);
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
}
