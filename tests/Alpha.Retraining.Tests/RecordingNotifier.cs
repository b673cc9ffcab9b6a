using System.Collections.Concurrent;
using Alpha.Retraining;

namespace Alpha.Retraining.Tests;

/// <summary>Keeps the events a service sends, in order.</summary>
internal sealed class RecordingNotifier : IRetrainNotifier
{
    private readonly ConcurrentQueue<RetrainEvent> _events = new();

    public IReadOnlyList<RetrainEvent> Events => [.. _events];

    public Task NotifyAsync(RetrainEvent retrainEvent, CancellationToken cancellationToken)
    {
        _events.Enqueue(retrainEvent);
        return Task.CompletedTask;
    }
}
