namespace Alpha.Features;

/// <summary>The model inputs, in the order DESIGN.md § 5 fixes for every model (the value is the column index).</summary>
public enum PairFeature
{
    /// <summary>Hedge ratio β of the rolling OLS of log A on log B.</summary>
    Beta,

    /// <summary>z = spread / σ.</summary>
    Z,

    /// <summary>Δz = r / σ of the previous bar.</summary>
    Dz,

    /// <summary>EMA of z.</summary>
    ZEma,

    /// <summary>EMA of |Δz|.</summary>
    Speed,

    /// <summary>OU half-life of the residual, in bars, capped to [0, 10·W].</summary>
    HalfLife,

    /// <summary>Correlation of the legs' log returns.</summary>
    Rho,

    /// <summary>Variance (ddof 1) of ρ over its last values.</summary>
    RhoVar,

    /// <summary>Standard deviation (ddof 1) of β over its last values.</summary>
    BetaStability,

    /// <summary>Wilder ATR of leg A divided by its close.</summary>
    AtrA,

    /// <summary>Wilder ATR of leg B divided by its close.</summary>
    AtrB,

    /// <summary>Wilder average of |r|.</summary>
    AtrSpread,

    /// <summary>atr_spread divided by its recent mean.</summary>
    AtrRatio,

    /// <summary>The spread's EMA gap (fast − slow) under the current hedge, in z units.</summary>
    EmaGap,

    /// <summary>The spread's OLS slope over the slope window under the current hedge, in z units per bar.</summary>
    Slope,

    /// <summary>Wilder RSI (0–100) of the hedged return r.</summary>
    RsiSpread,

    /// <summary>Drop of the mean-reversion equity from its recent maximum.</summary>
    DdRecent,
}
