using Alpha.Inference;

namespace Alpha.Operations;

/// <summary>One entry of the operator flags in force.</summary>
/// <param name="ModelId">The model id, or <c>*</c>.</param>
/// <param name="PairId">The pair id, or <c>*</c>.</param>
/// <param name="SoftHalt">No new entries.</param>
/// <param name="HardHalt">No signals.</param>
/// <param name="Flatten">Exit now, no entries.</param>
/// <param name="LeverageScale">Scale of new entries, in (0, 1].</param>
public sealed record FlagEntry(string ModelId, string PairId, bool SoftHalt, bool HardHalt, bool Flatten, double LeverageScale)
{
    /// <summary>The entries of a table, ordered by model and pair.</summary>
    public static IEnumerable<FlagEntry> Of(OpsFlagTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        return table.Entries.Select(e => new FlagEntry(e.Key.ModelId, e.Key.PairId, e.Value.SoftHalt, e.Value.HardHalt, e.Value.Flatten, e.Value.LeverageScale));
    }
}
