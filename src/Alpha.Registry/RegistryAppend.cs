using System.Collections.Immutable;

namespace Alpha.Registry;

/// <summary>What one registry write appends: events, already chained, and the version row of a registration.</summary>
/// <param name="Events">The new events, continuing the log's chain.</param>
/// <param name="Registered">The version's catalogue row when the write registers a version; otherwise <see langword="null"/>.</param>
public sealed record RegistryAppend(ImmutableArray<RegistryEvent> Events, ModelVersionRecord? Registered);
