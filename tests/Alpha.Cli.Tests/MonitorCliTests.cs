using Alpha.Inference;
using Alpha.MarketData;
using Alpha.Registry;
using Alpha.Storage.Postgres;

namespace Alpha.Cli.Tests;

/// <summary><c>alpha monitor</c> on the real pair: a version trained on the years before 2022-09-11, the year after replayed as live — from the files, and from the live bars the worker stored in PostgreSQL (the same verdict).</summary>
public sealed class MonitorCliTests(TestDatabase database) : IClassFixture<TestDatabase>, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("alpha-monitor-test-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [ServersSharedDataFact]
    public async Task Monitor_FromFiles_AndFromPostgres_GiveTheSameVerdict()
    {
        string a = TestEnvironment.SharedFile("fx-audnzd", "AUDUSD_H4.csv"), b = TestEnvironment.SharedFile("fx-audnzd", "NZDUSD_H4.csv");
        string trainA = Before(a, "2022-09-11"), trainB = Before(b, "2022-09-11");
        string configs = Path.Combine(TestEnvironment.RepositoryRoot, "configs");
        (int code, _, string error) = Alpha.Run("train", "--config", configs, "--data", trainA, trainB, "--out", Path.Combine(_folder, "models"));
        Assert.True(code == 0, error);
        string version = Assert.Single(ModelStore.ListVersions(Path.Combine(_folder, "models")));
        await StoreAsync(BarFiles.Load(a), BarFiles.Load(b));

        (code, string fromFiles, error) = Alpha.Run("monitor", "--model", version, "--config", configs, "--data", a, b, "--since", "2022-09-11");
        Assert.True(code == 0, error);
        (code, string fromPostgres, error) = Alpha.RunWith(new Dictionary<string, string?> { ["POSTGRES_URL"] = database.ConnectionString },
            "monitor", "--model", version, "--config", configs, "--from-postgres", "--since", "2022-09-11", "--record", "audnzd-h4");
        Assert.True(code == 0, error);
        global::Alpha.Operations.MonitoringRecord stored = Assert.Single(await new PostgresMonitoringStore(database.DataSource).LatestAsync(CancellationToken.None));
        (int both, _, string refused) = Alpha.Run("monitor", "--model", version, "--config", configs, "--data", a, b, "--from-postgres", "--since", "2022-09-11");

        Assert.Equal(fromFiles + "recorded for audnzd-h4\n", fromPostgres);
        Assert.Equal(("audnzd-h4", Path.GetFileName(version), "alert", true), (stored.ModelId, stored.Version, stored.Level, stored.RetrainRecommended));
        Assert.Equal(new DateTimeOffset(2022, 9, 11, 0, 0, 0, TimeSpan.Zero), stored.WindowStart);
        Assert.Contains(stored.Verdict.GetProperty("psi").EnumerateArray(), p => p.GetProperty("name").GetString() == "return_prob");
        Assert.Matches("since 2022-09-11: [0-9]{3} candidates, [0-9]+ trades", fromFiles);
        Assert.Contains("verdict: alert — retrain", fromFiles, StringComparison.Ordinal);     // docs/monitoring.md explains why
        Assert.Equal(1, both);
        Assert.Contains("either as --data A B or with --from-postgres", refused, StringComparison.Ordinal);
    }

    // The file's header and its bars before `day` (yyyy-MM-dd), into the test's folder.
    private string Before(string file, string day)
    {
        string target = Path.Combine(_folder, Path.GetFileName(file));
        File.WriteAllLines(target, File.ReadLines(file).Where((line, i) => i == 0 || string.CompareOrdinal(line, 0, day, 0, 10) < 0));
        return target;
    }

    // Both legs into core.bars, as the worker's relay stores them.
    private async Task StoreAsync(BarSeries a, BarSeries b)
    {
        var batch = new OutboxBatch();
        foreach (BarSeries series in (BarSeries[])[a, b])
        {
            for (int i = 0; i < series.Count; i++)
            {
                batch.Bars.Add(new SourcedBar(series.Symbol, TimeSpan.FromHours(4), series[i]));
            }
        }

        await new PostgresWorkerTarget(database.DataSource).DeliverAsync([new OutboxEntry(1, batch)], CancellationToken.None);
    }
}
