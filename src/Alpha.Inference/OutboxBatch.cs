using Alpha.Signals;

namespace Alpha.Inference;

/// <summary>
/// What one poll of the worker produced — every bar received, the signals and live scores those bars made, and the
/// checkpoints of the engines that moved — written to the outbox in one transaction, so a signal is never stored
/// without the state that made it, nor the state without the signal.
/// </summary>
public sealed class OutboxBatch
{
    /// <summary>The bars received (for <c>core.bars</c>), in arrival order.</summary>
    public IList<SourcedBar> Bars { get; } = new List<SourcedBar>();

    /// <summary>The entry and exit signals, in the order the engines emitted them.</summary>
    public IList<Signal> Signals { get; } = new List<Signal>();

    /// <summary>The live scores of the bars the models scored.</summary>
    public IList<LiveScore> Scores { get; } = new List<LiveScore>();

    /// <summary>The checkpoints of the engines whose watermark moved, after the batch.</summary>
    public IList<EngineCheckpoint> Checkpoints { get; } = new List<EngineCheckpoint>();

    /// <summary>Whether the batch holds nothing.</summary>
    public bool IsEmpty => Bars.Count == 0 && Signals.Count == 0 && Scores.Count == 0 && Checkpoints.Count == 0;

    /// <summary>Empties the batch, for the next poll.</summary>
    public void Clear()
    {
        Bars.Clear();
        Signals.Clear();
        Scores.Clear();
        Checkpoints.Clear();
    }
}
