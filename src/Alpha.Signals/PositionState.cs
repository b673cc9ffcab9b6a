namespace Alpha.Signals;

/// <summary>
/// Everything a <see cref="PositionMachine"/> carries from bar to bar — realised cash, the open position, a pending
/// entry or exit — so a checkpoint restores it exactly (<see cref="PositionMachine.Restore"/>).
/// </summary>
/// <param name="Cash">Realised equity in the account currency (starting equity plus closed trades' net P&amp;L, less open entry costs).</param>
/// <param name="Position">The open position, or null.</param>
/// <param name="PendingEntry">An entry decided and not yet filled, or null.</param>
/// <param name="PendingExit">An exit decided and not yet filled, or null.</param>
public sealed record PositionState(double Cash, OpenPosition? Position, PendingEntry? PendingEntry, ExitReason? PendingExit);
