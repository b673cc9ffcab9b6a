using Alpha.MarketData;
using Alpha.Registry;
using Alpha.Retraining;
using Alpha.Training;
using Npgsql;

namespace Alpha.Cli;

/// <summary>The schedule's stores and data, opened by <see cref="RetrainSetup"/>, and the database they share (closed on dispose).</summary>
internal sealed record RetrainStores(
    string ModelId,
    string ModelsRoot,
    TrainingPolicy Policy,
    ModelSigningKey? SigningKey,
    ModelRegistry Registry,
    IRetrainRunStore Runs,
    IRetrainLeaderLock Leader,
    IRetrainRequests? Requests,
    Func<CancellationToken, Task<PairDataset>> Bars,
    string LogFolder,
    NpgsqlDataSource? Database) : IAsyncDisposable
{
    public ValueTask DisposeAsync() => Database?.DisposeAsync() ?? ValueTask.CompletedTask;
}
