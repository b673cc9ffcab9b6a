using System.Net.Http.Headers;
using Alpha.Messaging.Redis;
using Alpha.Operations;
using Alpha.Storage.Postgres;
using Alpha.Worker.Tests;
using StackExchange.Redis;

namespace Alpha.Api.Tests;

/// <summary>
/// The API serving the deployed AUD/NZD pair, against its own PostgreSQL database and Redis key prefix on the test
/// servers, with one API key per role (and a second approver) stored as a real deployment stores them.
/// </summary>
public sealed class ApiServer : IAsyncLifetime, IDisposable
{
    /// <summary>The JWT signing key the server trusts (base64, 32 bytes).</summary>
    public const string JwtKey = "YWxwaGEtbGlicmFyaWVzLWFwaS10ZXN0cy1qd3Qta2V5IQ==";

    private static readonly Lazy<DeployedPair> s_pair = new(() => new DeployedPair());
    private readonly Dictionary<string, string> _keys = [];
    private ApiFactory? _factory;
    private ConnectionMultiplexer? _redis;

    /// <summary>The trained, signed and deployed pair, shared by every server of the test run.</summary>
    public static DeployedPair Pair => s_pair.Value;

    public TestDatabase Database { get; } = new();

    /// <summary>Everything the API logged.</summary>
    public LogSink Logs { get; } = new();

    public RedisKeys Keys { get; } = new($"api-test:{Guid.NewGuid():N}:");

    /// <summary>This server's own copy of the pair's policy folder (configuration changes are applied to it).</summary>
    public string Configs { get; } = TestFolders.CopyOf(Pair.Configs, "alpha-api-configs-");

    /// <summary>A low-risk configuration change proposed by ed at start (the endpoint table approves, applies and rolls it back).</summary>
    public Guid TableChange { get; private set; }

    public ApiFactory Factory => _factory ?? throw new InvalidOperationException("The servers are missing.");

    public ConnectionMultiplexer Redis => _redis ?? throw new InvalidOperationException("The servers are missing.");

    public IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["SERVICE_ENV"] = "test",
        ["POSTGRES_URL"] = Database.ConnectionString,
        ["REDIS_URL"] = "redis://" + TestEnvironment.RedisConfiguration,
        ["Api:ModelsRoot"] = Pair.ModelsRoot,
        ["Api:Catalogue"] = Pair.Catalogue,
        ["Api:Configs"] = Configs,
        ["Api:TrustedKeys"] = Pair.TrustedKeys,
        ["Api:KeyPrefix"] = Keys.Prefix,
        ["Api:KeyCacheSeconds"] = "0",
        ["Api:RateLimit:PermitsPerMinute"] = "0",     // off: the fuzz and table tests call faster than any limit (RateLimitTests sets one)
        ["Api:Jwt:Issuer"] = "alpha-tests",
        ["Api:Jwt:Audience"] = "alpha-api",
        ["Api:Jwt:SigningKey"] = JwtKey,
    };

    public async Task InitializeAsync()
    {
        await Database.InitializeAsync();
        if (!TestDatabase.IsWanted)
        {
            return;
        }

        _redis = await ConnectionMultiplexer.ConnectAsync(TestEnvironment.RedisConfiguration);
        var store = new PostgresApiKeyStore(Database.DataSource);
        foreach ((string name, OperatorRole role) in (IEnumerable<(string, OperatorRole)>)[("vera", OperatorRole.Viewer), ("ed", OperatorRole.Editor), ("alice", OperatorRole.Approver), ("bob", OperatorRole.Approver), ("ada", OperatorRole.Admin)])
        {
            NewApiKey key = ApiKeys.Create(name, role, "api-tests", DateTimeOffset.UnixEpoch);
            await store.AddAsync(key.Record, CancellationToken.None);
            _keys[name] = key.Key;
        }

        _factory = new ApiFactory(Settings, Logs);
        var desk = new ConfigDesk(Configs, new PostgresConfigChangeStore(Database.DataSource), new OpsDeskOptions(), TimeProvider.System);
        TableChange = (await desk.ProposeAsync(
            new ConfigProposal { Edits = [new ConfigEdit("retrain_policy.yaml", "cross_validation.folds", "6")] }, "endpoint table", new OperatorIdentity("ed", OperatorRole.Editor), CancellationToken.None)).Id;
    }

    public async Task DisposeAsync()
    {
        if (_redis is not null)
        {
            IServer redis = _redis.GetServer(_redis.GetEndPoints()[0]);
            await foreach (RedisKey key in redis.KeysAsync(pattern: Keys.Prefix + "*"))
            {
                await _redis.GetDatabase().KeyDeleteAsync(key);
            }
        }

        Dispose();
        await Database.DisposeAsync();
    }

    public void Dispose()
    {
        _factory?.Dispose();
        _redis?.Dispose();
        if (Directory.Exists(Configs))
        {
            Directory.Delete(Configs, recursive: true);
        }
    }

    /// <summary>The key of a named operator: vera (viewer), ed (editor), alice and bob (approvers), ada (admin).</summary>
    public string Key(string name) => _keys[name];

    /// <summary>
    /// <paramref name="name"/>'s key with one character of its secret changed (never equal to the key: a test that
    /// appended a fixed letter matched the real key whenever the key already ended with it).
    /// </summary>
    public string Forged(string name)
    {
        string key = Key(name);
        const int at = 30;     // inside the secret, away from base64's padding bits
        return key[..at] + (key[at] == 'A' ? 'B' : 'A') + key[(at + 1)..];
    }

    /// <summary>A client without credentials.</summary>
    public HttpClient Anonymous() => Factory.CreateClient();

    /// <summary>A client sending <paramref name="name"/>'s API key.</summary>
    public HttpClient As(string name)
    {
        HttpClient client = Factory.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", Key(name));
        return client;
    }

    /// <summary>A client sending a bearer token.</summary>
    public HttpClient Bearer(string token)
    {
        HttpClient client = Factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
