namespace Alpha.Signals;

/// <summary>
/// One bar of an aligned pair as the position machine sees it: its index on the aligned axis, its UTC open time,
/// both legs' open and close, and its segment (−1: a bar in no segment, inside a split gap).
/// </summary>
/// <param name="Index">The bar's index on the aligned axis (consecutive bars have consecutive indexes).</param>
/// <param name="Time">The bar's open time, UTC.</param>
/// <param name="OpenA">Leg A's open (finite, positive).</param>
/// <param name="CloseA">Leg A's close.</param>
/// <param name="OpenB">Leg B's open.</param>
/// <param name="CloseB">Leg B's close.</param>
/// <param name="Segment">The bar's segment, or −1.</param>
public readonly record struct TradingBar(int Index, DateTime Time, double OpenA, double CloseA, double OpenB, double CloseB, int Segment);
