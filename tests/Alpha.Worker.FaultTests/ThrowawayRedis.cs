using System.Diagnostics;
using StackExchange.Redis;

namespace Alpha.Worker.FaultTests;

/// <summary>
/// A Redis server of this test alone: a child process on a free loopback port, data in a temp folder, every write in
/// the append-only file before it is acknowledged (<c>appendonly yes</c>, <c>appendfsync always</c>), so that a server
/// killed with SIGKILL comes back with everything it acknowledged. Killed and restarted by its PID only.
/// </summary>
internal sealed class ThrowawayRedis : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("alpha-fault-redis-").FullName;
    private Process? _process;

    public ThrowawayRedis()
    {
        Port = FreePorts.Next();
        Start();
    }

    public int Port { get; }

    public string Endpoint => $"127.0.0.1:{Port}";

    public string Url => $"redis://{Endpoint}";

    public int Pid => _process?.Id ?? throw new InvalidOperationException("The server is not running.");

    /// <summary>A client that rides out the server's restarts.</summary>
    public ConnectionMultiplexer Connect()
    {
        ConfigurationOptions options = ConfigurationOptions.Parse(Endpoint);
        (options.AbortOnConnectFail, options.ConnectTimeout, options.SyncTimeout, options.AsyncTimeout) = (false, 1000, 2000, 2000);
        return ConnectionMultiplexer.Connect(options);
    }

    public void Start()
    {
        var start = new ProcessStartInfo("redis-server") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string arg in (string[])["--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--dir", _folder,
            "--appendonly", "yes", "--appendfsync", "always", "--save", "", "--daemonize", "no", "--logfile", Path.Combine(_folder, "redis.log")])
        {
            start.ArgumentList.Add(arg);
        }

        _process = Process.Start(start)!;
        Wait.Until(() => Ping(), TimeSpan.FromSeconds(30), $"Redis on {Endpoint} to answer");
    }

    /// <summary>SIGKILL to this server's process, then wait for it to be gone.</summary>
    public void Kill()
    {
        _process!.Kill();
        _process.WaitForExit();
        _process.Dispose();
        _process = null;
    }

    public void Dispose()
    {
        if (_process is not null)
        {
            Kill();
        }

        Directory.Delete(_folder, recursive: true);
    }

    private bool Ping()
    {
        try
        {
            using var client = new System.Net.Sockets.TcpClient();
            client.Connect("127.0.0.1", Port);
            using System.Net.Sockets.NetworkStream stream = client.GetStream();
            stream.Write("PING\r\n"u8);
            byte[] reply = new byte[7];
            int read = stream.Read(reply);
            return System.Text.Encoding.ASCII.GetString(reply, 0, read).StartsWith("+PONG", StringComparison.Ordinal);
        }
        catch (System.Net.Sockets.SocketException)
        {
            return false;
        }
        catch (IOException)
        {
            return false;
        }
    }
}
