using Alpha.Registry;
using Npgsql;

namespace Alpha.Cli;

/// <summary>A registry and the database connection it uses, if any, closed together.</summary>
internal sealed class OpenRegistry(ModelRegistry registry, NpgsqlDataSource? dataSource) : IAsyncDisposable
{
    public ModelRegistry Registry { get; } = registry;

    public ValueTask DisposeAsync() => dataSource?.DisposeAsync() ?? ValueTask.CompletedTask;
}
