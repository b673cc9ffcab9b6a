using System.Collections.Immutable;
using System.Globalization;
using Alpha.Registry;
using Npgsql;

namespace Alpha.Cli.Tests;

/// <summary><c>alpha keys</c>, <c>alpha models</c> and <c>alpha db</c>, run as processes.</summary>
[Collection(Sequential.Name)]
public sealed class RegistryCliTests
{
    private static readonly Dictionary<string, string?> s_noEnvironment = new() { ["ALPHA_TRUSTED_KEYS"] = null, ["POSTGRES_URL"] = null };

    [Fact]
    public void Lifecycle_WalkedWithTheCli_WithItsExitCodes()
    {
        Setup s = Setup.Create();
        string v1 = s.Versions.Write(), v2 = s.Versions.Write(), unsigned = s.Versions.Write(sign: false);

        Assert.Equal(0, s.Models("register", v1, "--model-id", "pair", "--notes", "first").Code);
        Assert.Equal(0, s.Models("promote", v1, "--model-id", "pair").Code);
        (int code, _, string error) = s.Models("approve", v1, "--model-id", "pair");
        Assert.Equal(4, code);
        Assert.Contains("must carry a reason", error, StringComparison.Ordinal);
        Assert.Equal(0, s.Models("approve", v1, "--model-id", "pair", "--reason", "reviewed", "--actor", "bob", "--role", "risk").Code);
        Assert.Equal(0, s.Models("deploy", v1, "--model-id", "pair", "--reason", "go live").Code);
        foreach (string[] step in (string[][])[["register", v2], ["promote", v2], ["approve", v2, "--reason", "better"], ["deploy", v2, "--reason", "replace"]])
        {
            Assert.Equal(0, s.Models([.. step, "--model-id", "pair"]).Code);
        }

        Assert.Equal(4, s.Models("promote", v2, "--model-id", "pair").Code);
        (code, string output, error) = s.Models("rollback", "--model-id", "pair", "--reason", "drawdown");
        Assert.True(code == 0, error);
        Assert.Contains($"{v1} is deployed again", output, StringComparison.Ordinal);
        Assert.Equal(4, s.Models("rollback", "--model-id", "pair", "--reason", "again").Code);

        (code, output, _) = s.Models("history", "--model-id", "pair");
        Assert.Equal(0, code);
        Assert.Contains("hash chain verified: 11 events", output, StringComparison.Ordinal);
        Assert.Contains("bob (risk)", output, StringComparison.Ordinal);
        (code, output, _) = s.Models("served-by", "--model-id", "pair", "--at", "2099-01-01T00:00:00Z");
        Assert.Equal(0, code);
        Assert.Contains($"deployed {v1}", output, StringComparison.Ordinal);
        (code, output, _) = s.Models("list");
        Assert.Equal(0, code);
        Assert.Contains("rolled_back", output, StringComparison.Ordinal);
        Assert.Contains($"{unsigned}: in the models folder, not registered", output, StringComparison.Ordinal);
        (code, output, _) = s.Models("show", v1, "--model-id", "pair");
        Assert.Equal(0, code);
        Assert.Contains($"signed by key {s.Versions.Key.KeyId}", output, StringComparison.Ordinal);

        // Signatures are required unless --allow-unsigned.
        (code, output, error) = s.Models("register", unsigned, "--model-id", "pair");
        Assert.Equal(3, code);
        Assert.Contains(ModelFiles.Signature, error, StringComparison.Ordinal);
        Assert.Equal(0, s.Models("verify", unsigned, "--allow-unsigned").Code);
        Assert.Equal(3, s.Models("verify", unsigned).Code);

        // Tampered bytes and a tampered log are refused with exit 3.
        File.AppendAllText(Path.Combine(s.Root, v2, ModelFiles.Params), "theta1: 0.99\n");
        (code, output, _) = s.Models("verify", v2, "--model-id", "pair");
        Assert.Equal(3, code);
        Assert.Contains("does not match its checksum", output, StringComparison.Ordinal);
        string events = Path.Combine(s.Root, ModelRegistry.EmbeddedStoreFolder, "pair", "events.jsonl");
        File.WriteAllText(events, File.ReadAllText(events).Replace("\"reason\":\"go live\"", "\"reason\":\"approved by the CEO\"", StringComparison.Ordinal));
        (code, _, error) = s.Models("history", "--model-id", "pair");
        Assert.Equal(3, code);
        Assert.Contains("the event was edited", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TwoProcesses_AreSerialisedByTheFileLock()
    {
        Setup s = Setup.Create();
        string[] versions = [.. Enumerable.Range(1, 6).Select(_ => s.Versions.Write())];
        ModelRegistry registry = s.Registry();
        foreach (string v in versions)
        {
            await registry.RegisterAsync("pair", v, new RegistryActor("test", "quant"));
        }

        // Six processes promote six versions at once: every event lands, in one unbroken chain.
        var results = await Task.WhenAll(versions.Select(v => Task.Run(() => s.Models("promote", v, "--model-id", "pair"))));
        Assert.All(results, r => Assert.True(r.Code == 0, r.Error));
        ImmutableArray<RegistryEvent> history = await registry.HistoryAsync("pair");
        Assert.Equal(Enumerable.Range(1, 12).Select(i => (long)i), history.Select(e => e.Sequence));

        // While this process holds the lock, another process's append waits; it lands once the lock is released.
        Task<(int Code, string Output, string Error)> waiting;
        using (new FileStream(Path.Combine(s.Root, ModelRegistry.EmbeddedStoreFolder, "pair", ".lock"), FileMode.Open, FileAccess.ReadWrite, FileShare.None))
        {
            waiting = Task.Run(() => s.Models("archive", versions[0], "--model-id", "pair"));
            Task first = await Task.WhenAny(waiting, Task.Delay(TimeSpan.FromSeconds(3)));
            Assert.NotSame(waiting, first);
            Assert.Equal(12, (await registry.HistoryAsync("pair")).Length);
        }

        (int code, _, string error) = await waiting;
        Assert.True(code == 0, error);
        Assert.Equal(ModelStatus.Archived, (await registry.HistoryAsync("pair"))[^1].To);
    }

    [Fact]
    public void KeysNew_WritesAKeyPair_AndNeverOverwritesAKey()
    {
        string folder = Directory.CreateTempSubdirectory("alpha-keys-cli-").FullName;

        (int code, string output, string error) = Alpha.Run("keys", "new", "--out", folder, "--name", "ci");

        Assert.True(code == 0, error);
        ModelSigningKey key = ModelSigningKey.Load(Path.Combine(folder, "ci.pem"));
        Assert.Contains($"key {key.KeyId}", output, StringComparison.Ordinal);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(folder, "ci.pem")));
        }

        Assert.Equal(key.KeyId, Assert.Single(new ModelTrust([File.ReadAllText(Path.Combine(folder, "ci.public.pem"))]).KeyIds));
        Assert.Equal(1, Alpha.Run("keys", "new", "--out", folder, "--name", "ci").ExitCode);
        Assert.Equal(key.KeyId, ModelSigningKey.Load(Path.Combine(folder, "ci.pem")).KeyId);
    }

    [Fact]
    public void DbMigrate_WithoutPostgresUrl_SaysSo()
    {
        (int code, _, string error) = Alpha.RunWith(s_noEnvironment, "db", "migrate");

        Assert.Equal(1, code);
        Assert.Contains("POSTGRES_URL is not set", error, StringComparison.Ordinal);
    }

    [PostgresFact]
    public async Task DbMigrate_ThenTheRegistryInPostgres()
    {
        string database = string.Create(CultureInfo.InvariantCulture, $"alpha_cli_test_{Environment.ProcessId}_{Guid.NewGuid():N}");
        await using (NpgsqlDataSource admin = NpgsqlDataSource.Create(TestEnvironment.PostgresConnectionString))
        {
            await admin.CreateCommand($"CREATE DATABASE {database}").ExecuteNonQueryAsync();
        }

        try
        {
            var environment = new Dictionary<string, string?>
            {
                ["POSTGRES_URL"] = new NpgsqlConnectionStringBuilder(TestEnvironment.PostgresConnectionString) { Database = database }.ConnectionString,
                ["ALPHA_TRUSTED_KEYS"] = null,
            };
            (int code, string output, string error) = Alpha.RunWith(environment, "db", "migrate");
            Assert.True(code == 0, error);
            Assert.Contains("applied 0001_registry", output, StringComparison.Ordinal);
            (code, output, _) = Alpha.RunWith(environment, "db", "migrate");
            Assert.Equal(0, code);
            Assert.Contains("up to date", output, StringComparison.Ordinal);

            Setup s = Setup.Create();
            string v = s.Versions.Write();
            Assert.Equal(0, s.ModelsWith(environment, "register", v, "--model-id", "pair", "--postgres").Code);
            (code, output, error) = s.ModelsWith(environment, "list", "--postgres");
            Assert.True(code == 0, error);
            Assert.Contains(v, output, StringComparison.Ordinal);
            Assert.Contains("draft", output, StringComparison.Ordinal);
            Assert.False(Directory.Exists(Path.Combine(s.Root, ModelRegistry.EmbeddedStoreFolder)));
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await using NpgsqlDataSource admin = NpgsqlDataSource.Create(TestEnvironment.PostgresConnectionString);
            await admin.CreateCommand($"DROP DATABASE IF EXISTS {database} WITH (FORCE)").ExecuteNonQueryAsync();
        }
    }

    private sealed record Setup(SignedVersions Versions, string TrustedKeys)
    {
        public string Root => Versions.ModelsRoot;

        public static Setup Create()
        {
            var versions = new SignedVersions();
            string trusted = Directory.CreateTempSubdirectory("alpha-trusted-").FullName;
            File.WriteAllText(Path.Combine(trusted, "training.public.pem"), versions.Key.ExportPublicKeyPem());
            return new Setup(versions, trusted);
        }

        public ModelRegistry Registry() => ModelRegistry.Embedded(new RegistryOptions { ModelsRoot = Root, Trust = Versions.Trust });

        public (int Code, string Output, string Error) Models(params string[] args) => ModelsWith(s_noEnvironment, args);

        public (int Code, string Output, string Error) ModelsWith(IReadOnlyDictionary<string, string?> environment, params string[] args) =>
            Alpha.RunWith(environment, ["models", args[0], "--models", Root, "--trusted-keys", TrustedKeys, .. args[1..]]);
    }
}
