using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace Alpha.TestUtils;

/// <summary>
/// Where the tests find the repository, the shared reference data and the servers. With <c>CI=true</c> nothing
/// may be missing: the fact attributes turn a missing server or data folder into a failure, never a skip.
/// </summary>
public static class TestEnvironment
{
    /// <summary>The PostgreSQL connection string used when <c>ALPHA_TEST_PG</c> is not set (loopback, no password).</summary>
    public const string DefaultPostgres = "Host=127.0.0.1;Port=5432;Username=postgres;Database=postgres";

    /// <summary>The Redis endpoint used when <c>ALPHA_TEST_REDIS</c> is not set.</summary>
    public const string DefaultRedis = "127.0.0.1:6379";

    /// <summary>True when running in CI (<c>CI=true</c>), where nothing a test needs may be skipped.</summary>
    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>The PostgreSQL connection string: <c>ALPHA_TEST_PG</c> or <see cref="DefaultPostgres"/>.</summary>
    public static string PostgresConnectionString => Environment.GetEnvironmentVariable("ALPHA_TEST_PG") is { Length: > 0 } pg ? pg : DefaultPostgres;

    /// <summary>The Redis configuration string: <c>ALPHA_TEST_REDIS</c> or <see cref="DefaultRedis"/>.</summary>
    public static string RedisConfiguration => Environment.GetEnvironmentVariable("ALPHA_TEST_REDIS") is { Length: > 0 } redis ? redis : DefaultRedis;

    /// <summary>The host and port of <see cref="RedisConfiguration"/>.</summary>
    public static (string Host, int Port) RedisEndpoint => ConnectionStrings.RedisEndpoint(RedisConfiguration);

    /// <summary>The repository root: the nearest folder above the test binaries holding <c>Alpha.Libraries.sln</c>.</summary>
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary>The shared reference data folder: <c>ALPHA_SHARED_DATA</c>, or <c>../shared/data</c> beside the repository.</summary>
    public static string SharedDataPath => Environment.GetEnvironmentVariable("ALPHA_SHARED_DATA") is { Length: > 0 } path
        ? path
        : Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "data"));

    /// <summary>Full path of a file under the shared data folder, e.g. <c>SharedFile("fx-audnzd", "AUDUSD_H4.csv")</c>.</summary>
    public static string SharedFile(params string[] relative) => Path.Combine([SharedDataPath, .. relative]);

    /// <summary>The local NuGet feed <c>dotnet pack</c> writes to: <c>artifacts/packages</c> under the repository root.</summary>
    public static string LocalFeedPath => Path.Combine(RepositoryRoot, "artifacts", "packages");

    /// <summary>Full path of a file under a test project's <c>TestData</c> folder (copied next to the test binaries).</summary>
    public static string TestDataFile(string fileName) => Path.Combine(AppContext.BaseDirectory, "TestData", fileName);

    /// <summary>Why a test that needs native XGBoost is skipped.</summary>
    public const string NativeXGBoostReason = "needs libxgboost.so.0 (apt-get install libxgboost0)";

    /// <summary>Whether the native XGBoost library (Debian's libxgboost0) can be loaded.</summary>
    public static bool HasNativeXGBoost
    {
        get
        {
            if (!NativeLibrary.TryLoad("libxgboost.so.0", out IntPtr handle))
            {
                return false;
            }

            NativeLibrary.Free(handle);
            return true;
        }
    }

    /// <summary>Whether a TCP connection to host:port opens within a short time (a discovery-time probe, never a test).</summary>
    /// <summary>Whether the test PostgreSQL server (<see cref="PostgresConnectionString"/>) accepts connections.</summary>
    public static bool IsPostgresReachable
    {
        get
        {
            var (host, port) = ConnectionStrings.PostgresEndpoint(PostgresConnectionString);
            return CanConnect(host, port);
        }
    }

    internal static bool CanConnect(string host, int port)
    {
        try
        {
            using var client = new TcpClient();
            return client.ConnectAsync(host, port).Wait(TimeSpan.FromSeconds(1)) && client.Connected;
        }
        catch (AggregateException)
        {
            return false;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Alpha.Libraries.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No Alpha.Libraries.sln above {AppContext.BaseDirectory}.");
    }
}
