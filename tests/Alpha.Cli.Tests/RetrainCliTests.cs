using System.Diagnostics;
using System.Text.Json;
using Alpha.Operations;
using Alpha.Registry;
using Alpha.Retraining;
using Alpha.Storage.Postgres;

namespace Alpha.Cli.Tests;

/// <summary>
/// <c>alpha retrain</c> on the real pair: one manual run in the embedded default (runs in a JSON-lines file, the folder's
/// registry), a run with unreadable data blocked, and the service on PostgreSQL taking an <c>/ops/retrain</c> request,
/// registering the version, notifying a real local webhook, exposing its metrics and stopping cleanly on SIGTERM.
/// </summary>
public sealed class RetrainCliTests(TestDatabase database) : IClassFixture<TestDatabase>, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("alpha-retrain-cli-").FullName;
    private readonly string _a = TestEnvironment.SharedFile("fx-audnzd", "AUDUSD_H4.csv"), _b = TestEnvironment.SharedFile("fx-audnzd", "NZDUSD_H4.csv");

    private static string Configs => Path.Combine(TestEnvironment.RepositoryRoot, "configs");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [SharedDataFact]
    public async Task RetrainRun_InTheEmbeddedDefault_RecordsRegistersAndShowsTheRun_AndBadDataBlocksIt()
    {
        string models = Path.Combine(_folder, "models");

        (int code, string output, string error) = Alpha.Run("retrain", "run", "--model-id", "audnzd-h4", "--config", Configs, "--models", models, "--data", _a, _b, "--reason", "first model");
        Assert.True(code == 0, error);
        (int blockedCode, string blockedOutput, _) = Alpha.Run("retrain", "run", "--model-id", "audnzd-h4", "--config", Configs, "--models", models, "--data", _a, Path.Combine(_folder, "missing.csv"));
        (int statusCode, string status, _) = Alpha.Run("retrain", "status", "--model-id", "audnzd-h4", "--config", Configs, "--models", models);
        (int both, _, string refused) = Alpha.Run("retrain", "run", "--model-id", "audnzd-h4", "--config", Configs, "--models", models, "--data", _a, _b, "--live-bars", "AUDUSD", "NZDUSD");

        var runs = await new JsonLinesRetrainRunStore(Path.Combine(models, ".retrain", "runs.jsonl")).RecentAsync("audnzd-h4", 10, default);
        Assert.Equal([RetrainRunStatus.Blocked, RetrainRunStatus.Success], runs.Select(r => r.Status));
        RetrainRun run = runs[1];
        Assert.Equal((RetrainTrigger.Manual, 0), (run.Trigger, run.RetryCount));
        Assert.EndsWith(": first model", run.Cause, StringComparison.Ordinal);
        string version = run.Outcome!.Version;
        Assert.True(ModelStore.Verify(Path.Combine(models, version), ModelTrust.ChecksumsOnly).IsValid);
        Assert.Contains(await ModelRegistry.Embedded(new RegistryOptions { ModelsRoot = models, Trust = ModelTrust.ChecksumsOnly }).VersionsAsync("audnzd-h4"), v => v.Version == version);
        Assert.InRange(run.Outcome.Metrics[RetrainOutcome.ThetaTrialsKey], 1, 10_000);
        Assert.Contains("stage ThetaSearch", File.ReadAllText(run.LogPath!), StringComparison.Ordinal);
        Assert.Contains($"CORE_RETRAIN_SUCCEEDED audnzd-h4", output, StringComparison.Ordinal);
        Assert.Contains(version, output, StringComparison.Ordinal);

        Assert.Equal(1, blockedCode);
        Assert.StartsWith("CORE_RETRAIN_DATA: ", runs[0].Error, StringComparison.Ordinal);
        Assert.Contains("missing.csv", runs[0].Error, StringComparison.Ordinal);
        Assert.Contains("blocked", blockedOutput, StringComparison.Ordinal);
        Assert.Equal(0, statusCode);
        Assert.Contains("success", status, StringComparison.Ordinal);
        Assert.Contains("CORE_RETRAIN_DATA", status, StringComparison.Ordinal);
        Assert.Equal(1, both);
        Assert.Contains("either as --data A B or as --live-bars", refused, StringComparison.Ordinal);
    }

    [ServersSharedDataFact]
    public async Task TheService_OnPostgres_TakesAnOpsRequest_Registers_Notifies_AndStopsOnSigterm()
    {
        string models = Path.Combine(_folder, "models");
        int metricsPort = FreePorts.Next();
        using var hook = new WebhookListener();
        var requests = new PostgresOpsRequestStore(database.DataSource);
        DateTimeOffset asked = DateTimeOffset.UtcNow;
        var request = new OpsRequest(Guid.CreateVersion7(asked), OpsActions.Retrain, new OpsScope("audnzd-served", "*"), null, "AUC dropped", new OperatorIdentity("alice", OperatorRole.Editor),
            asked, OpsRequestStatus.Pending, null, null);
        await requests.AddAsync(request, default);

        using Process service = Start(new Dictionary<string, string> { ["POSTGRES_URL"] = database.ConnectionString, ["SLACK_WEBHOOK_URL"] = hook.Url.ToString() },
            "retrain", "serve", "--model-id", "audnzd-served", "--config", Configs, "--models", models, "--data", _a, _b, "--postgres", "--poll-seconds", "1", "--metrics-port", metricsPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
        try
        {
            using JsonDocument notified = JsonDocument.Parse(hook.Next(TimeSpan.FromMinutes(3)));
            JsonElement e = notified.RootElement.GetProperty("event");
            Assert.Equal(("CORE_RETRAIN_SUCCEEDED", "info", "audnzd-served", "manual"),
                (e.GetProperty("code").GetString(), e.GetProperty("severity").GetString(), e.GetProperty("schedule_id").GetString(), e.GetProperty("details").GetProperty("trigger").GetString()));
            string version = e.GetProperty("details").GetProperty("model_version").GetString()!;

            RetrainRun run = Assert.Single(await new PostgresRetrainRunStore(database.DataSource).RecentAsync("audnzd-served", 10, default));
            Assert.Equal((RetrainRunStatus.Success, version, $"requested by alice: AUC dropped (request {request.Id})"), (run.Status, run.Outcome!.Version, run.Cause));
            Assert.Empty(await requests.PendingAsync(OpsActions.Retrain, default));
            var registry = new ModelRegistry(new PostgresRegistryStore(database.DataSource), new RegistryOptions { ModelsRoot = models, Trust = ModelTrust.ChecksumsOnly });
            Assert.Contains(await registry.VersionsAsync("audnzd-served"), v => v.Version == version);

            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
            string metrics = await http.GetStringAsync(new Uri($"http://localhost:{metricsPort}/metrics"));
            Assert.Contains("core_retrain_duration_seconds", metrics, StringComparison.Ordinal);
            Assert.Contains("core_theta_trials_total", metrics, StringComparison.Ordinal);
            Assert.Contains("core_theta_best_score", metrics, StringComparison.Ordinal);

            using (Process kill = Process.Start("kill", ["-TERM", service.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync();
            }

            Assert.True(service.WaitForExit(TimeSpan.FromSeconds(30)), "the service did not stop within 30 s of SIGTERM");
            Assert.Equal(0, service.ExitCode);
        }
        finally
        {
            if (!service.HasExited)
            {
                service.Kill(entireProcessTree: true);
            }
        }
    }

    private static Process Start(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach ((string name, string value) in environment)
        {
            start.Environment[name] = value;
        }

        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "alpha.dll"));
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        Process process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }
}
