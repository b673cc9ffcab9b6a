using Alpha.Inference;

namespace Alpha.Inference.Tests;

/// <summary>A flag store in memory, which can be made unreachable; counts the raises it took.</summary>
internal sealed class MemoryFlagStore(string name) : IOpsFlagStore
{
    public string Name => name;

    public OpsFlagTable? Table { get; set; }

    public bool Down { get; set; }

    public string? LastActor { get; private set; }

    public List<(string ModelId, string PairId, OpsFlags Flags, string Actor)> Raises { get; } = [];

    public ValueTask<OpsFlagTable?> ReadAsync(CancellationToken cancellationToken) =>
        Down ? throw new IOException($"{name} is down") : ValueTask.FromResult(Table);

    public ValueTask WriteAsync(OpsFlagTable table, string actor, CancellationToken cancellationToken)
    {
        (Table, LastActor) = (table, actor);
        return ValueTask.CompletedTask;
    }

    public ValueTask RaiseAsync(string modelId, string pairId, OpsFlags flags, string actor, CancellationToken cancellationToken)
    {
        if (Down)
        {
            throw new IOException($"{name} is down");
        }

        (Table, LastActor) = ((Table ?? OpsFlagTable.Empty).Raise(modelId, pairId, flags), actor);
        Raises.Add((modelId, pairId, flags, actor));
        return ValueTask.CompletedTask;
    }

    public ValueTask ResetAsync(string modelId, string pairId, OpsFlags flags, string actor, CancellationToken cancellationToken)
    {
        if (Down)
        {
            throw new IOException($"{name} is down");
        }

        (Table, LastActor) = ((Table ?? OpsFlagTable.Empty).Reset(modelId, pairId, flags), actor);
        return ValueTask.CompletedTask;
    }
}
