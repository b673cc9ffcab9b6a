using System.Diagnostics;
using Alpha.Hosting;
using Microsoft.Extensions.Configuration;

namespace Alpha.Api.Tests;

/// <summary>Settings validated at start-up: a missing or bad one is named, and the API refuses to start.</summary>
public sealed class SettingsTests
{
    private static Dictionary<string, string?> Valid()
    {
        string folder = Directory.CreateTempSubdirectory("alpha-api-settings-").FullName;
        return new()
        {
            ["SERVICE_ENV"] = "test",
            ["POSTGRES_URL"] = "Host=127.0.0.1;Port=5432;Username=alpha;Database=alpha",
            ["REDIS_URL"] = "redis://127.0.0.1:6379",
            ["Api:ModelsRoot"] = folder,
            ["Api:Catalogue"] = folder,
            ["Api:Configs"] = folder,
            ["Api:TrustedKeys"] = folder,
        };
    }

    [Fact]
    public void Read_Valid_HasTheDefaults()
    {
        ApiSettings settings = ApiSettings.Read(new ConfigurationBuilder().AddInMemoryCollection(Valid()).Build());

        Assert.Equal((TimeSpan.FromSeconds(30), TimeSpan.FromHours(1), 60, true), (settings.KeyCache, settings.ResumeApprovalWindow, settings.PermitsPerMinute, settings.RequireSignature));
        Assert.Null(settings.Jwt);
    }

    [Theory]
    [InlineData("SERVICE_ENV", null, "SERVICE_ENV", "is required")]
    [InlineData("POSTGRES_URL", null, "POSTGRES_URL", "is required")]
    [InlineData("REDIS_URL", "redis://127.0.0.1:6379/zero", "REDIS_URL", "the database after '/' is not a number")]
    [InlineData("Api:Catalogue", "/no/such/folder", "Api:Catalogue", "does not exist")]
    [InlineData("Api:TrustedKeys", null, "Api:TrustedKeys", "is required")]
    [InlineData("Api:KeyCacheSeconds", "-1", "Api:KeyCacheSeconds", "[0, 600]")]
    [InlineData("Api:RateLimit:PermitsPerMinute", "lots", "Api:RateLimit:PermitsPerMinute", "not a number")]
    [InlineData("Api:RequireSignature", "maybe", "Api:RequireSignature", "neither true nor false")]
    [InlineData("Api:Jwt:Issuer", "alpha", "Api:Jwt:Audience", "together")]
    public void Read_BadSetting_NamesIt(string key, string? value, string named, string problem)
    {
        Dictionary<string, string?> settings = Valid();
        settings[key] = value;

        HostSettingsException e = Assert.Throws<HostSettingsException>(() => ApiSettings.Read(new ConfigurationBuilder().AddInMemoryCollection(settings).Build()));

        Assert.Equal(named, e.Key);
        Assert.StartsWith($"alpha-api: setting {named}: ", e.Message, StringComparison.Ordinal);
        Assert.Contains(problem, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ShortJwtKey_IsRefused_WithoutShowingIt()
    {
        Dictionary<string, string?> settings = Valid();
        (settings["Api:Jwt:Issuer"], settings["Api:Jwt:Audience"], settings["Api:Jwt:SigningKey"]) = ("i", "a", "c2hvcnQtc2VjcmV0");

        HostSettingsException e = Assert.Throws<HostSettingsException>(() => ApiSettings.Read(new ConfigurationBuilder().AddInMemoryCollection(settings).Build()));

        Assert.Contains("at least 32 bytes, not 12", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("c2hvcnQtc2VjcmV0", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Process_WithoutSettings_RefusesToStart_NamingTheFirstMissing()
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "alpha-api.dll")])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            WorkingDirectory = Directory.CreateTempSubdirectory("alpha-api-start-").FullName,
        };
        foreach (string name in new[] { "SERVICE_ENV", "POSTGRES_URL", "REDIS_URL" })
        {
            start.Environment.Remove(name);
        }

        using Process process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        string error = await process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);

        Assert.Equal(2, process.ExitCode);
        Assert.Equal("alpha-api: setting SERVICE_ENV: is required and not set.", error.Trim());
    }
}
