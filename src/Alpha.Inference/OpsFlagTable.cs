using System.Collections.Immutable;

namespace Alpha.Inference;

/// <summary>
/// The operator flags in force: per model id and pair id, where <see cref="Any"/> matches every model or pair. A pair's
/// flags combine every entry that matches it — (model, pair), (model, *), (*, pair) and (*, *) — the most restrictive way
/// (<see cref="OpsFlags.Combine"/>): a global halt is never undone by a narrower entry. A pair no entry names trades
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
    public OpsFlags For(string modelId, string pairId)
    {
        OpsFlags flags = OpsFlags.Normal;
        foreach ((string, string) key in (ReadOnlySpan<(string, string)>)[(modelId, pairId), (modelId, Any), (Any, pairId), (Any, Any)])
        {
            if (Entries.TryGetValue(key, out OpsFlags f))
            {
                flags = flags.Combine(f);
            }
        }

        return flags;
    }

    /// <summary>This table with the entry of (<paramref name="modelId"/>, <paramref name="pairId"/>) combined with <paramref name="flags"/>.</summary>
    public OpsFlagTable Raise(string modelId, string pairId, OpsFlags flags)
    {
        OpsFlags raised = Entries.TryGetValue((modelId, pairId), out OpsFlags f) ? f.Combine(flags) : flags;
        return new OpsFlagTable(Entries.SetItem((modelId, pairId), raised));
    }

    /// <summary>
    /// This table with every entry within the scope (<paramref name="modelId"/>, <paramref name="pairId"/>) removed and the
    /// scope's own entry set to <paramref name="flags"/> unless they are <see cref="OpsFlags.Normal"/>.
    /// </summary>
    public OpsFlagTable Reset(string modelId, string pairId, OpsFlags flags)
    {
        IEnumerable<KeyValuePair<(string ModelId, string PairId), OpsFlags>> kept = Entries.Where(e => !Covers(modelId, pairId, e.Key.ModelId, e.Key.PairId));
        return new OpsFlagTable(flags == OpsFlags.Normal ? kept : kept.Append(new((modelId, pairId), flags)));
    }

    /// <summary>
    /// Whether the scope (<paramref name="scopeModelId"/>, <paramref name="scopePairId"/>) includes the entry
    /// (<paramref name="modelId"/>, <paramref name="pairId"/>): each scope id is <see cref="Any"/> or equal to the entry's.
    /// (m, *) includes (m, p) and (m, *) but not (*, p).
    /// </summary>
    public static bool Covers(string scopeModelId, string scopePairId, string modelId, string pairId) =>
        (scopeModelId == Any || scopeModelId == modelId) && (scopePairId == Any || scopePairId == pairId);
}
