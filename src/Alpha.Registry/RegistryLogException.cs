namespace Alpha.Registry;

/// <summary>A model id's event log is edited, reordered, truncated or malformed; the registry refuses to act on it.</summary>
public sealed class RegistryLogException : IOException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="modelId">The model id whose log is refused.</param>
    /// <param name="sequence">The first event found wrong (0 when the log as a whole is).</param>
    /// <param name="problem">What is wrong.</param>
    public RegistryLogException(string modelId, long sequence, string problem)
        : base($"The registry log of {modelId} is refused{(sequence > 0 ? $" at event {sequence}" : "")}: {problem}")
    {
        ModelId = modelId;
        Sequence = sequence;
    }

    /// <summary>The model id.</summary>
    public string ModelId { get; }

    /// <summary>The first event found wrong; 0 when the log as a whole is.</summary>
    public long Sequence { get; }
}
