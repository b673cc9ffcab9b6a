using System.Collections.Immutable;

namespace Alpha.Inference;

/// <summary>
/// The operator flags in force: per model id and pair id, where <see cref="Any"/> matches every model or pair. The most
/// specific entry wins — (model, pair), then (model, *), then (*, pair), then (*, *) — and a pair no entry names trades
/// normally.
/// </summary>
public sealed class OpsFlagTable
{
    /// <summary>The wildcard model or pair id.</summary>
    public const string Any = "*";

    /// <summary>Creates the table.</summary>
    /// <exception cref="ArgumentException">A leverage scale is not in (0, 1], or an id is empty.</exception>
    public OpsFlagTable(IEnumerable<KeyValuePair<(string ModelId, string PairId), OpsFlags>> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var builder = ImmutableSortedDictionary.CreateBuilder<(string ModelId, string PairId), OpsFlags>();
        foreach (((string model, string pair), OpsFlags flags) in entries)
        {
            if (string.IsNullOrWhiteSpace(model) || string.IsNullOrWhiteSpace(pair) || flags.LeverageScale is not (> 0 and <= 1))
            {
                throw new ArgumentException($"The flags of {model}/{pair} are invalid: ids must be set and leverage_scale in (0, 1] (got {flags.LeverageScale}).", nameof(entries));
            }

            builder[(model, pair)] = flags;
        }

        Entries = builder.ToImmutable();
    }

    /// <summary>A table with no entries: everything trades normally.</summary>
    public static OpsFlagTable Empty { get; } = new([]);

    /// <summary>The entries, by (model id, pair id).</summary>
    public ImmutableSortedDictionary<(string ModelId, string PairId), OpsFlags> Entries { get; }

    /// <summary>The flags of <paramref name="modelId"/> on <paramref name="pairId"/>.</summary>
    public OpsFlags For(string modelId, string pairId) =>
        Entries.TryGetValue((modelId, pairId), out OpsFlags f) || Entries.TryGetValue((modelId, Any), out f) || Entries.TryGetValue((Any, pairId), out f) || Entries.TryGetValue((Any, Any), out f)
            ? f
            : OpsFlags.Normal;
}
