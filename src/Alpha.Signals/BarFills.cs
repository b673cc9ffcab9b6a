namespace Alpha.Signals;

/// <summary>What <see cref="PositionMachine.AtOpen"/> filled at a bar's open.</summary>
/// <param name="Closed">The trade an exit fill completed, or null.</param>
/// <param name="Opened">The position an entry fill opened, or null.</param>
/// <param name="Cancelled">The pending entry a segment split cancelled, or null.</param>
public readonly record struct BarFills(Trade? Closed, OpenPosition? Opened, PendingEntry? Cancelled);
