namespace Alpha.Monitoring;

/// <summary>The thresholds of <see cref="DegradationCheck"/> (DESIGN.md § 6 "Monitoring"; seeds 002/003). Every one is a parameter.</summary>
public sealed record MonitoringOptions
{
    /// <summary>PSI at or above which a drift is a warning. Default 0.1.</summary>
    public double PsiWarn { get; init; } = 0.1;

    /// <summary>PSI at or above which a drift is an alert. Default 0.25.</summary>
    public double PsiAlert { get; init; } = 0.25;

    /// <summary>The share an empty bin is taken to hold. Default 1e-4.</summary>
    public double Epsilon { get; init; } = 1e-4;

    /// <summary>Fewest live values for a PSI or a mean shift. Default 100.</summary>
    public int MinWindow { get; init; } = 100;

    /// <summary>Significance of the χ² critical value reported beside each PSI. Default 0.05.</summary>
    public double Alpha { get; init; } = 0.05;

    /// <summary>Mean shift (in reference standard deviations, absolute) at or above which an input warns. Default 0.5.</summary>
    public double MeanShiftWarn { get; init; } = 0.5;

    /// <summary>Mean shift at or above which an input alerts. Default 1.</summary>
    public double MeanShiftAlert { get; init; } = 1.0;

    /// <summary>Gap between live and backtest win rate (absolute, as a fraction) above which retraining is called for. Default 0.15 (seed 002).</summary>
    public double WinRateGap { get; init; } = 0.15;

    /// <summary>Fewest closed live trades for the win-rate rule. Default 30.</summary>
    public int MinTrades { get; init; } = 30;

    /// <summary>Confidence of the Wilson interval around the live win rate. Default 0.95.</summary>
    public double Confidence { get; init; } = 0.95;

    /// <summary>Drop of the live AI1 AUC below the out-of-fold AUC above which retraining is called for. Default 0.02 (seed 002).</summary>
    public double AucDrop { get; init; } = 0.02;

    /// <summary>Fewest labelled live candidates (both classes present) for the AUC rule. Default 100.</summary>
    public int MinLabelled { get; init; } = 100;

    /// <summary>The AI2 pass rate (share of candidates with risk score below θ2) outside this band warns. Default [0.05, 0.95].</summary>
    public (double Low, double High) PassRateBand { get; init; } = (0.05, 0.95);

    /// <summary>Consecutive risk-flagged bars at which a streak warns. Default 6 (a day of 4-hour bars).</summary>
    public int RiskStreakWarn { get; init; } = 6;

    /// <summary>Consecutive risk-flagged bars at which a streak alerts. Default 18 (three days of 4-hour bars).</summary>
    public int RiskStreakAlert { get; init; } = 18;

    /// <summary>Throws unless every setting is in range.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A setting is out of range (named).</exception>
    public void Validate()
    {
        Positive(PsiWarn, nameof(PsiWarn));
        if (!(PsiAlert >= PsiWarn))
        {
            throw new ArgumentOutOfRangeException(nameof(PsiAlert), PsiAlert, "The PSI alert threshold must be at least the warn threshold.");
        }

        if (!(Epsilon is > 0 and < 0.1))
        {
            throw new ArgumentOutOfRangeException(nameof(Epsilon), Epsilon, "ε must be in (0, 0.1).");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(MinWindow, 2, nameof(MinWindow));
        Probability(Alpha, nameof(Alpha));
        Positive(MeanShiftWarn, nameof(MeanShiftWarn));
        if (!(MeanShiftAlert >= MeanShiftWarn))
        {
            throw new ArgumentOutOfRangeException(nameof(MeanShiftAlert), MeanShiftAlert, "The mean-shift alert threshold must be at least the warn threshold.");
        }

        Probability(WinRateGap, nameof(WinRateGap));
        ArgumentOutOfRangeException.ThrowIfLessThan(MinTrades, 1, nameof(MinTrades));
        Probability(Confidence, nameof(Confidence));
        Probability(AucDrop, nameof(AucDrop));
        ArgumentOutOfRangeException.ThrowIfLessThan(MinLabelled, 2, nameof(MinLabelled));
        if (!(PassRateBand.Low >= 0 && PassRateBand.Low < PassRateBand.High && PassRateBand.High <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(PassRateBand), PassRateBand, "The pass-rate band must satisfy 0 ≤ low < high ≤ 1.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(RiskStreakWarn, 1, nameof(RiskStreakWarn));
        ArgumentOutOfRangeException.ThrowIfLessThan(RiskStreakAlert, RiskStreakWarn, nameof(RiskStreakAlert));
    }

    private static void Positive(double value, string name)
    {
        if (!(value > 0) || !double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be a positive finite number.");
        }
    }

    private static void Probability(double value, string name)
    {
        if (!(value is > 0 and < 1))
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be in (0, 1).");
        }
    }
}
