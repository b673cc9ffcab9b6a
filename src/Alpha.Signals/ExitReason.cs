namespace Alpha.Signals;

/// <summary>Why a position was closed.</summary>
public enum ExitReason
{
    /// <summary>The entry-fixed |z| reverted to the exit level.</summary>
    Reversion,

    /// <summary>The entry-fixed |z| reached the stop.</summary>
    Stop,

    /// <summary>M bars passed since the entry decision.</summary>
    MaxHolding,

    /// <summary>The data ended with the position open; the backtest closes it at the last bar's close.</summary>
    EndOfData,

    /// <summary>Its segment split (a gap too long to fill or treat as a closure); closed at the first bar of the next segment.</summary>
    SegmentSplit,

    /// <summary>An operator's flatten flag (or a drawdown level) closed it.</summary>
    Flatten,
}
