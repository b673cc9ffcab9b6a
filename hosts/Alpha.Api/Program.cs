using Alpha.Api;
using Alpha.Configuration;
using Alpha.Hosting;

// alpha-api: models, signals and operations over HTTP (docs/api.md).
WebApplicationBuilder builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, WebRootPath = Path.Combine(AppContext.BaseDirectory, "wwwroot") });
ApiSettings settings;
ServingConfig serving;
try
{
    settings = ApiSettings.Read(builder.Configuration);
    serving = ServingConfig.Load(settings);
}
catch (Exception e) when (e is HostSettingsException or ConfigException)
{
    await Console.Error.WriteLineAsync(e.Message);
    return 2;
}

builder.Services.AddSystemd();
builder.Services.AddSingleton(settings);
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.ConfigureHttpJsonOptions(o => ApiJson.Configure(o));
builder.Services.AddAlphaStores(settings);
builder.Services.AddAlphaOperations(settings, serving);
builder.Services.AddAlphaAuthentication(settings);
builder.Services.AddAlphaRateLimits(settings);
builder.Services.AddAlphaProblemDetails();
builder.Services.AddAlphaHealthChecks();
builder.Services.AddAlphaMetrics();
builder.Services.AddAlphaOpenApi();

WebApplication app = builder.Build();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.MapOperationsPage();
app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter();
app.MapAlphaApi();
app.MapHealth();
app.MapMetrics();
app.MapDocumentation();
await app.RunAsync();
return 0;
