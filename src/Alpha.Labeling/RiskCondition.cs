namespace Alpha.Labeling;

/// <summary>One of the four AI2 risk conditions.</summary>
public enum RiskCondition
{
    /// <summary>rho_var above its threshold (the correlation is unstable).</summary>
    RhoVariance,

    /// <summary>atr_ratio above its threshold (the spread's volatility jumped).</summary>
    AtrRatio,

    /// <summary>speed above its threshold (the spread moves too fast).</summary>
    Speed,

    /// <summary>dd_recent above its threshold (reversion trading is losing).</summary>
    Drawdown,
}
