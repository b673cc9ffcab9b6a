using System.Collections.Immutable;

namespace Alpha.Registry;

/// <summary>What one registry write appends: events, already chained, and the catalogue row it writes.</summary>
/// <param name="Events">The new events, continuing the log's chain.</param>
/// <param name="Row">
/// The version's catalogue row, written with the events: inserted by a registration, replaced when an approval or a
/// rejection records its reason in <see cref="ModelVersionRecord.Notes"/>; otherwise <see langword="null"/>.
/// </param>
public sealed record RegistryAppend(ImmutableArray<RegistryEvent> Events, ModelVersionRecord? Row);
