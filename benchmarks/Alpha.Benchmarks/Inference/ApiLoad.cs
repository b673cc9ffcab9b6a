using System.Diagnostics;
using System.Globalization;
using Alpha.Inference;
using Alpha.Messaging.Redis;
using Alpha.Operations;
using Alpha.Registry;
using Alpha.Signals;
using Alpha.Storage.Postgres;
using Alpha.Training;
using Npgsql;
using StackExchange.Redis;

namespace Alpha.Benchmarks.Inference;

/// <summary>
/// The API under load (DESIGN.md § 7), a load tool rather than a timed test: alpha-api as its own process on loopback,
/// serving a real AUD/NZD version whose replayed signals sit in Redis and PostgreSQL as the worker's relay leaves them,
/// read by Debian's <c>hey</c> at a fixed rate (50 workers × 10 requests/s = 500 requests/s, <c>-q</c>) for each read
/// endpoint; latency per request from hey's CSV. Baseline of the same run: <c>/health/live</c> (no key, no I/O) at the
/// same rate.
/// <code>dotnet run -c Release --project benchmarks/Alpha.Benchmarks -- api-load "Host=…;Username=…" 127.0.0.1:6379 [seconds]</code>
/// </summary>
internal static class ApiLoad
{
    private const int Workers = 50, PerWorker = 10;

    public static async Task RunAsync(string postgres, string redisEndpoint, int seconds)
    {
        AudNzdVersion version = AudNzdVersion.Train();
        string modelsRoot = Path.GetDirectoryName(version.Folder)!, versionName = Path.GetFileName(version.Folder);
        var registry = ModelRegistry.Embedded(new RegistryOptions { ModelsRoot = modelsRoot, Trust = ModelTrust.ChecksumsOnly });
        var actor = new RegistryActor("api-load", "ops");
        await registry.RegisterAsync(version.Definition.ModelId, versionName, actor);
        await registry.PromoteAsync(version.Definition.ModelId, versionName, actor);
        await registry.ApproveAsync(version.Definition.ModelId, versionName, actor, "load test");
        await registry.DeployAsync(version.Definition.ModelId, versionName, actor, "load test");
        string catalogue = Directory.CreateTempSubdirectory("alpha-api-load-catalogue-").FullName;
        File.WriteAllText(Path.Combine(catalogue, "audnzd-h4.yaml"), "kind: pair-gbdt\npair: { id: AUDUSD-NZDUSD, leg_a: AUDUSD, leg_b: NZDUSD, timeframe: 4h }\nversion: deployed\n");

        string database = string.Create(CultureInfo.InvariantCulture, $"alpha_api_load_{Environment.ProcessId}");
        await using (NpgsqlDataSource admin = NpgsqlDataSource.Create(postgres))
        {
            await admin.CreateCommand($"CREATE DATABASE {database}").ExecuteNonQueryAsync();
        }

        string connection = new NpgsqlConnectionStringBuilder(postgres) { Database = database }.ConnectionString;
        var keys = new RedisKeys($"api-load:{Environment.ProcessId}:");
        using ConnectionMultiplexer redis = await ConnectionMultiplexer.ConnectAsync(redisEndpoint);
        try
        {
            await using NpgsqlDataSource db = NpgsqlDataSource.Create(connection);
            await DatabaseMigrator.MigrateAsync(db);
            NewApiKey key = ApiKeys.Create("load", OperatorRole.Viewer, "api-load", DateTimeOffset.UtcNow);
            await new PostgresApiKeyStore(db).AddAsync(key.Record, CancellationToken.None);
            List<Signal> signals = PairReplay.Run(version.Engine(), version.A, version.B);
            var batch = new OutboxBatch();
            foreach (Signal s in signals)
            {
                batch.Signals.Add(s with { ModelId = version.Definition.ModelId });
            }

            OutboxEntry[] delivered = [new(1, batch)];
            await new RedisSignalTarget(redis, keys).DeliverAsync(delivered, CancellationToken.None);
            await new PostgresWorkerTarget(db).DeliverAsync(delivered, CancellationToken.None);

            int port = Alpha.TestUtils.FreePorts.Next();
            using Process api = StartApi(port, connection, redisEndpoint, keys.Prefix, modelsRoot, catalogue);
            string root = string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}");
            await WaitLiveAsync(root, api);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"# API load: {Workers} workers × {PerWorker} requests/s (hey -q) for {seconds} s per endpoint, {signals.Count} signals stored, {Environment.ProcessorCount} cores shared by hey, the API, PostgreSQL and Redis"));
            Console.WriteLine();
            Console.WriteLine("| endpoint | requests | achieved req/s | non-2xx | p50 ms | p95 ms | p99 ms | max ms | p99 / baseline p99 |");
            Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
            (string Path, bool Auth)[] targets = [("/health/live", false), ("/api/v1/signals/latest", true), ("/api/v1/models", true), ("/api/v1/signals/history?limit=50", true)];
            double baseline = double.NaN;
            foreach ((string path, bool auth) in targets)
            {
                _ = await HeyAsync(root + path, auth ? key.Key : null, 3);       // warm-up: JIT, pools, the key cache
                (double[] ms, int errors, double elapsed) = await HeyAsync(root + path, auth ? key.Key : null, seconds);
                Array.Sort(ms);
                double p99 = LoadStats.Percentile(ms, 0.99);
                baseline = double.IsNaN(baseline) ? p99 : baseline;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {(auth ? "" : "baseline: ")}`{path}` | {ms.Length:N0} | {ms.Length / elapsed:N0} | {errors} | {LoadStats.Percentile(ms, 0.5):F2} | {LoadStats.Percentile(ms, 0.95):F2} | {p99:F2} | {ms[^1]:F2} | {p99 / baseline:F2} |"));
            }

            Console.WriteLine();
            Console.WriteLine("One request at a time (hey -c 1, 1,000 requests after 200 of warm-up): the service time, without queueing.");
            Console.WriteLine();
            Console.WriteLine("| endpoint | p50 ms | p99 ms |");
            Console.WriteLine("|---|---:|---:|");
            foreach ((string path, bool auth) in targets)
            {
                double[] ms = await SequentialAsync(root + path, auth ? key.Key : null);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| `{path}` | {LoadStats.Percentile(ms, 0.5):F2} | {LoadStats.Percentile(ms, 0.99):F2} |"));
            }

            api.Kill(entireProcessTree: true);
            await api.WaitForExitAsync();
        }
        finally
        {
            IServer server = redis.GetServer(redis.GetEndPoints()[0]);
            await foreach (RedisKey k in server.KeysAsync(pattern: keys.Prefix + "*"))
            {
                await redis.GetDatabase().KeyDeleteAsync(k);
            }

            NpgsqlConnection.ClearAllPools();
            await using NpgsqlDataSource admin = NpgsqlDataSource.Create(postgres);
            await admin.CreateCommand($"DROP DATABASE IF EXISTS {database} WITH (FORCE)").ExecuteNonQueryAsync();
        }
    }

    private static Process StartApi(int port, string connection, string redisEndpoint, string prefix, string modelsRoot, string catalogue)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "alpha-api.dll")])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        foreach ((string k, string v) in (ReadOnlySpan<(string, string)>)[
            ("SERVICE_ENV", "load"), ("POSTGRES_URL", connection), ("REDIS_URL", "redis://" + redisEndpoint), ("Api__ModelsRoot", modelsRoot),
            ("Api__Catalogue", catalogue), ("Api__Configs", Path.Combine(RepositoryPaths.Root(), "configs")), ("Api__RequireSignature", "false"),
            ("Api__KeyPrefix", prefix), ("ASPNETCORE_URLS", string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}")), ("Logging__LogLevel__Default", "Warning")])
        {
            start.Environment[k] = v;
        }

        Process process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { Console.Error.WriteLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task WaitLiveAsync(string root, Process api)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        for (int attempt = 0; attempt < 120 && !api.HasExited; attempt++)
        {
            try
            {
                if ((await client.GetAsync(root + "/health/ready")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }

            await Task.Delay(500);
        }

        throw new InvalidOperationException($"alpha-api did not become ready on {root}.");
    }

    private static async Task<double[]> SequentialAsync(string url, string? key)
    {
        (double[] ms, _, _) = await RunHeyAsync(["-n", "1200", "-c", "1", "-o", "csv"], url, key);
        double[] measured = [.. ms.Skip(200)];
        Array.Sort(measured);
        return measured;
    }

    private static Task<(double[] Ms, int Errors, double Elapsed)> HeyAsync(string url, string? key, int seconds) =>
        RunHeyAsync(["-z", $"{seconds}s", "-c", Workers.ToString(CultureInfo.InvariantCulture), "-q", PerWorker.ToString(CultureInfo.InvariantCulture), "-o", "csv"], url, key, seconds);

    private static async Task<(double[] Ms, int Errors, double Elapsed)> RunHeyAsync(string[] arguments, string url, string? key, int seconds = int.MaxValue)
    {
        var start = new ProcessStartInfo("hey") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string a in arguments)
        {
            start.ArgumentList.Add(a);
        }

        if (key is not null)
        {
            start.ArgumentList.Add("-H");
            start.ArgumentList.Add("X-Api-Key: " + key);
        }

        start.ArgumentList.Add(url);
        var clock = Stopwatch.StartNew();
        using Process hey = Process.Start(start)!;
        string csv = await hey.StandardOutput.ReadToEndAsync();
        await hey.WaitForExitAsync();
        double elapsed = clock.Elapsed.TotalSeconds;
        var ms = new List<double>();
        int errors = 0;
        foreach (string line in csv.Split('\n').Skip(1).Where(l => l.Length > 0))
        {
            string[] cells = line.Split(',');
            ms.Add(double.Parse(cells[0], CultureInfo.InvariantCulture) * 1000);
            errors += cells[6].StartsWith('2') ? 0 : 1;
        }

        return ([.. ms], errors, Math.Min(elapsed, seconds));
    }

}
