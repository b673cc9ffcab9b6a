using Alpha.Hosting;
using Alpha.Inference;
using Alpha.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

// alpha-worker: bars in → the catalogue's engines → outbox → Redis or JSON lines (docs/worker.md).
HostApplicationBuilder builder = Host.CreateApplicationBuilder(args);
WorkerSettings settings;
try
{
    settings = WorkerSettings.Read(builder.Configuration);
}
catch (HostSettingsException e)
{
    await Console.Error.WriteLineAsync(e.Message);
    return 2;
}

builder.Services.AddSystemd();
builder.Services.AddSingleton(settings);
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddAlphaInference();
builder.Services.AddRegistry(settings);
builder.Services.AddRelayTargets(settings);
builder.Services.AddOutbox(settings);
builder.Services.AddOperations(settings);
builder.Services.AddWorkerMetrics(settings);
builder.Services.AddHostedService<WorkerService>();
builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = settings.Loop.DrainTimeout + TimeSpan.FromSeconds(10));

await builder.Build().RunAsync();
return Environment.ExitCode;
