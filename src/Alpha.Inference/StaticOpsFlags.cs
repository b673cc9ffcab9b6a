namespace Alpha.Inference;

/// <summary>Operator flags held in memory: the embedded default (replay, paper trading, tests).</summary>
public sealed class StaticOpsFlags : IOpsFlagSource
{
    /// <summary>The flags every model and pair reads.</summary>
    /// <value>The default is <see cref="OpsFlags.Normal"/>.</value>
    public OpsFlags Flags { get; set; } = OpsFlags.Normal;

    /// <inheritdoc/>
    public OpsFlags Read(string modelId, string pairId, DateTime barTime) => Flags;
}
