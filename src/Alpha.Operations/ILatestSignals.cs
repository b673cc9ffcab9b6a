using System.Collections.Immutable;
using Alpha.Signals;

namespace Alpha.Operations;

/// <summary>The latest signal of every model and pair, as the worker's relay keeps them (Alpha.Messaging.Redis: the <c>signals:latest</c> hash).</summary>
public interface ILatestSignals
{
    /// <summary>The latest signal per model and pair, ordered by model and pair; only one model's when <paramref name="modelId"/> is set.</summary>
    /// <exception cref="InvalidDataException">A stored signal is malformed (named).</exception>
    ValueTask<ImmutableArray<Signal>> ReadAsync(string? modelId, CancellationToken cancellationToken);
}
