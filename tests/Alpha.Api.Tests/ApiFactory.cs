using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Alpha.Api.Tests;

/// <summary>The API in memory with the given settings (as its configuration would hold them).</summary>
public sealed class ApiFactory(IReadOnlyDictionary<string, string> settings) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach ((string key, string value) in settings)
        {
            builder.UseSetting(key, value);
        }

        builder.UseEnvironment("Test");
    }
}
