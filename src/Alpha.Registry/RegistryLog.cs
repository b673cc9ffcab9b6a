using System.Collections.Immutable;

namespace Alpha.Registry;

/// <summary>
/// A model id's events as a store holds them, with the head the store recorded beside them (the last sequence and
/// hash it acknowledged), so a truncated log is told from a short one.
/// </summary>
/// <param name="ModelId">The model id.</param>
/// <param name="Events">The events, in sequence order.</param>
/// <param name="HeadSequence">The last acknowledged sequence; 0 for a new model id.</param>
/// <param name="HeadHash">The last acknowledged hash; 64 zeros for a new model id.</param>
public sealed record RegistryLog(string ModelId, ImmutableArray<RegistryEvent> Events, long HeadSequence, string HeadHash)
{
    /// <summary>The log of a model id with no events: head 0, hash 64 zeros.</summary>
    public static RegistryLog Empty(string modelId) => new(modelId, [], 0, EventChain.Genesis);
}
