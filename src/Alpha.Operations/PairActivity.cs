namespace Alpha.Operations;

/// <summary>What one model did on one pair over a window: its signals (from the history) and the fills of its signals.</summary>
/// <param name="ModelId">The model id.</param>
/// <param name="PairId">The pair id.</param>
/// <param name="Entries">Entry signals in the window.</param>
/// <param name="Exits">Exit signals in the window.</param>
/// <param name="Fills">Fills reported for the window's signals.</param>
/// <param name="LastBarTime">The bar of the latest signal in the window (UTC).</param>
/// <param name="LastAction">The latest signal's action (<c>entry</c> or <c>exit</c>).</param>
/// <param name="LastModelVersion">The version that gave it.</param>
public sealed record PairActivity(string ModelId, string PairId, long Entries, long Exits, long Fills, DateTime LastBarTime, string LastAction, string LastModelVersion);
