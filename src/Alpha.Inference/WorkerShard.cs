using System.Collections.Immutable;

namespace Alpha.Inference;

/// <summary>
/// A shard: the catalogue entries that one worker serves together, under one lease (DESIGN.md § 6 "Worker"). A catalogue
/// entry names its shard with the optional key <c>shard</c> (<see cref="ModelDefinition.DefaultShard"/> otherwise).
/// </summary>
/// <param name="Name">The shard's name.</param>
/// <param name="Models">Its catalogue entries.</param>
public sealed record WorkerShard(string Name, ImmutableArray<ModelDefinition> Models)
{
    /// <summary>The catalogue's shards, by name; only those in <paramref name="names"/> when given.</summary>
    /// <exception cref="ArgumentException">A name in <paramref name="names"/> is no shard of the catalogue.</exception>
    public static IReadOnlyList<WorkerShard> Of(ModelCatalogue catalogue, IReadOnlyCollection<string>? names = null)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        WorkerShard[] all = [.. catalogue.Models.GroupBy(m => m.Shard, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => new WorkerShard(g.Key, [.. g]))];
        if (names is null || names.Count == 0)
        {
            return all;
        }

        string? unknown = names.FirstOrDefault(n => all.All(s => s.Name != n));
        return unknown is null
            ? [.. all.Where(s => names.Contains(s.Name))]
            : throw new ArgumentException($"'{unknown}' is not a shard of the catalogue ({string.Join(", ", all.Select(s => s.Name))}).", nameof(names));
    }
}
