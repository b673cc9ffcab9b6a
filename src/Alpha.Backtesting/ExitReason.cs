namespace Alpha.Backtesting;

/// <summary>Why a position was closed.</summary>
public enum ExitReason
{
    /// <summary>The entry-fixed |z| reverted to the exit level.</summary>
    Reversion,

    /// <summary>The entry-fixed |z| reached the stop.</summary>
    Stop,

    /// <summary>M bars passed since the entry decision.</summary>
    MaxHolding,

    /// <summary>The segment (or the data) ended; closed at the last bar's close.</summary>
    EndOfData,
}
