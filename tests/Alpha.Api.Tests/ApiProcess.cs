using System.Diagnostics;
using System.Globalization;

namespace Alpha.Api.Tests;

/// <summary>
/// alpha-api as a real process on a free loopback port (Kestrel, its own metrics pipeline — one host per process, as
/// deployed), with the settings of an <see cref="ApiServer"/>. Killed by PID on dispose.
/// </summary>
public sealed class ApiProcess : IAsyncDisposable
{
    private readonly Process _process;

    private ApiProcess(Process process, Uri address) => (_process, Address) = (process, address);

    public Uri Address { get; }

    public static async Task<ApiProcess> StartAsync(IReadOnlyDictionary<string, string> settings)
    {
        int port = FreePorts.Next();
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "alpha-api.dll")])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        foreach ((string key, string value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        start.Environment["ASPNETCORE_URLS"] = string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}");
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var api = new ApiProcess(process, new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}")));
        using var client = new HttpClient { BaseAddress = api.Address, Timeout = TimeSpan.FromSeconds(2) };
        for (int attempt = 0; attempt < 120 && !process.HasExited; attempt++)
        {
            try
            {
                using HttpResponseMessage live = await client.GetAsync("/health/live");
                if (live.IsSuccessStatusCode)
                {
                    return api;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }

            await Task.Delay(500);
        }

        await api.DisposeAsync();
        throw new InvalidOperationException($"alpha-api did not answer on {api.Address} within a minute (exited: {process.HasExited}).");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }
}
