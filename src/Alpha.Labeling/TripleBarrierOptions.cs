namespace Alpha.Labeling;

/// <summary>Settings of <see cref="TripleBarrierLabeler"/> (de Prado, <i>Advances in Financial Machine Learning</i>, ch. 3).</summary>
public sealed record TripleBarrierOptions
{
    /// <summary>Profit-take barrier as a multiple of the event's volatility target; 0 disables it.</summary>
    /// <value>The default is 1.</value>
    public double ProfitTake { get; init; } = 1.0;

    /// <summary>Stop-loss barrier as a multiple of the event's volatility target; 0 disables it.</summary>
    /// <value>The default is 1.</value>
    public double StopLoss { get; init; } = 1.0;

    /// <summary>The vertical barrier: bars after the event.</summary>
    /// <value>The default is 48 bars.</value>
    public int MaxHoldingBars { get; init; } = 48;

    internal void Validate()
    {
        Guard.Finite(ProfitTake, nameof(ProfitTake));
        Guard.Finite(StopLoss, nameof(StopLoss));
        ArgumentOutOfRangeException.ThrowIfNegative(ProfitTake, nameof(ProfitTake));
        ArgumentOutOfRangeException.ThrowIfNegative(StopLoss, nameof(StopLoss));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxHoldingBars, nameof(MaxHoldingBars));
    }
}
