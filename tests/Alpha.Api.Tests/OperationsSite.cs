using System.Globalization;
using Alpha.Worker.Tests;
using Microsoft.Playwright;

namespace Alpha.Api.Tests;

/// <summary>
/// The operations page as deployed: alpha-api as a process on a loopback port (its own database, Redis prefix and copy
/// of the policy files), the worker as a process reading the same Redis bar streams, and Debian's Chromium driven by
/// Playwright. Everything is stopped by PID on dispose.
/// </summary>
public sealed class OperationsSite : IAsyncLifetime
{
    private readonly string _workerFolder = Directory.CreateTempSubdirectory("alpha-page-worker-").FullName;
    private ApiProcess? _api;
    private WorkerProcess? _worker;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public ApiServer Server { get; } = new();

    public Uri Address => _api?.Address ?? throw new InvalidOperationException("The site is not running.");

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The site is not running.");

    public async Task InitializeAsync()
    {
        await Server.InitializeAsync();
        if (!TestDatabase.IsWanted)
        {
            return;
        }

        _api = await ApiProcess.StartAsync(Server.Settings);
        _worker = WorkerProcess.Start(ApiServer.Pair.Environment(
            _workerFolder, ("Worker__Mode", "redis"), ("REDIS_URL", "redis://" + TestEnvironment.RedisConfiguration), ("POSTGRES_URL", Server.Database.ConnectionString),
            ("Worker__KeyPrefix", Server.Keys.Prefix), ("Worker__MetricsPort", FreePorts.Next().ToString(CultureInfo.InvariantCulture))),
            HostAssembly("Alpha.Worker", "alpha-worker.dll"));
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = "/usr/bin/chromium", Args = ["--no-sandbox"], Headless = true });
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_worker is not null)
        {
            _worker.Terminate();
            _ = _worker.WaitForExit(TimeSpan.FromSeconds(30));
            _worker.Dispose();
        }

        if (_api is not null)
        {
            await _api.DisposeAsync();
        }

        await Server.DisposeAsync();
        Directory.Delete(_workerFolder, recursive: true);
    }

    /// <summary>A host's assembly in its own build output (artifacts/bin/{project}/{configuration}, the tests' configuration).</summary>
    public static string HostAssembly(string project, string assembly) =>
        Path.Combine(TestEnvironment.RepositoryRoot, "artifacts", "bin", project, new DirectoryInfo(AppContext.BaseDirectory).Name, assembly);

    /// <summary>A new tab signed in with <paramref name="name"/>'s key, its console errors and page errors collected into <paramref name="errors"/>.</summary>
    public async Task<IPage> SignInAsync(string name, List<string> errors)
    {
        IBrowserContext context = await Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 1100 } });
        IPage page = await context.NewPageAsync();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add($"{name}: console: {message.Text}");
            }
        };
        page.PageError += (_, error) => errors.Add($"{name}: page: {error}");
        await page.GotoAsync(Address.ToString());
        await page.FillAsync("#api-key", Server.Key(name));
        await page.ClickAsync("#sign-in-form button[type=submit]");
        await page.WaitForSelectorAsync("body[data-ready=true]");
        return page;
    }
}
