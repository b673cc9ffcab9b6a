namespace Alpha.Sizing;

/// <summary>Why no order was produced.</summary>
public enum SizingRejection
{
    /// <summary>β is zero, NaN or ±∞.</summary>
    InvalidBeta,

    /// <summary>A price, notional, scale or direction is not usable (non-positive, NaN, ±∞; direction not ±1).</summary>
    InvalidInput,

    /// <summary>A leg's quote currency differs from the account currency and no FX rate was given.</summary>
    MissingFxRate,

    /// <summary>An FX rate is older than the staleness limit.</summary>
    StaleFxRate,

    /// <summary>A leg's quantity rounds below its minimum lot.</summary>
    BelowMinLot,

    /// <summary>A leg's notional is below its minimum notional.</summary>
    BelowMinNotional,
}
