using Alpha.Retraining;
using Microsoft.Extensions.Hosting;

namespace Alpha.Cli;

/// <summary>The retraining service as a hosted service of <c>alpha retrain serve</c>: its passes run until the host stops (a run in progress ends aborted).</summary>
internal sealed class RetrainHostedService(RetrainService service) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => service.RunAsync(stoppingToken);
}
