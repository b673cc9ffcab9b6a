using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;

namespace Alpha.Api.Tests;

/// <summary>The API in memory with the given settings (as its configuration would hold them).</summary>
public sealed class ApiFactory(IReadOnlyDictionary<string, string> settings, LogSink logs) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.ConfigureLogging(l => l.AddProvider(logs).AddFilter<LogSink>(null, LogLevel.Trace));
        foreach ((string key, string value) in settings)
        {
            builder.UseSetting(key, value);
        }

        builder.UseEnvironment("Test");
    }
}
