using System.Diagnostics;
using System.Globalization;
using Alpha.Storage.Postgres;
using Npgsql;

namespace Alpha.Worker.FaultTests;

/// <summary>
/// A PostgreSQL server of this test alone: a cluster initialised in a temp folder (as the <c>postgres</c> user when the
/// tests run as root, since PostgreSQL refuses root), on a free loopback port, every migration applied. Stopped by
/// signalling its postmaster's PID (SIGINT: fast shutdown) and started again on the same folder and port.
/// </summary>
internal sealed class ThrowawayPostgres : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("alpha-fault-pg-").FullName;
    private readonly string _bin = Directory.GetDirectories("/usr/lib/postgresql").Select(v => Path.Combine(v, "bin")).Where(Directory.Exists).OrderBy(d => d, StringComparer.Ordinal).Last();

    public ThrowawayPostgres()
    {
        Port = FreePorts.Next();
        if (Environment.UserName == "root")
        {
            Run("chown", "postgres:", _folder);
        }

        Run(Path.Combine(_bin, "initdb"), "-D", DataFolder, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-sync");
        Start();
        using NpgsqlDataSource db = NpgsqlDataSource.Create(ConnectionString);
        DatabaseMigrator.MigrateAsync(db).GetAwaiter().GetResult();
    }

    public int Port { get; }

    public string ConnectionString => $"Host=127.0.0.1;Port={Port};Username=postgres;Database=postgres;Timeout=3;Command Timeout=10";

    private string DataFolder => Path.Combine(_folder, "data");

    public void Start() =>
        Run(Path.Combine(_bin, "pg_ctl"), "-D", DataFolder, "-l", Path.Combine(_folder, "server.log"), "-w", "-t", "60",
            "-o", $"-p {Port} -c listen_addresses=127.0.0.1 -k {_folder} -c fsync=off", "start");

    /// <summary>SIGINT to this cluster's postmaster (by the PID in its own postmaster.pid), then wait until it is gone.</summary>
    public void Stop()
    {
        int pid = int.Parse(File.ReadLines(Path.Combine(DataFolder, "postmaster.pid")).First(), CultureInfo.InvariantCulture);
        using Process process = Process.GetProcessById(pid);
        Run("kill", "-INT", pid.ToString(CultureInfo.InvariantCulture));
        if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
        {
            throw new TimeoutException($"PostgreSQL (pid {pid}) did not stop in 60 s.");
        }
    }

    public void Dispose()
    {
        if (File.Exists(Path.Combine(DataFolder, "postmaster.pid")))
        {
            Stop();
        }

        NpgsqlConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    // As root, PostgreSQL's tools run as the postgres user.
    private static void Run(string file, params string[] args)
    {
        bool asPostgres = Environment.UserName == "root" && file.StartsWith("/usr/lib/postgresql", StringComparison.Ordinal);
        var start = new ProcessStartInfo(asPostgres ? "runuser" : file) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        if (asPostgres)
        {
            foreach (string a in (string[])["-u", "postgres", "--", file])
            {
                start.ArgumentList.Add(a);
            }
        }

        foreach (string a in args)
        {
            start.ArgumentList.Add(a);
        }

        using Process process = Process.Start(start)!;
        Task<string> output = process.StandardOutput.ReadToEndAsync(), error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(90)) || process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} failed: {output.Result}{error.Result}");
        }
    }
}
