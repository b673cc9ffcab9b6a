namespace Alpha.Labeling;

/// <summary>Settings of the AI2 risk labels (DESIGN.md § 5 "Labels").</summary>
public sealed record RiskLabelOptions
{
    /// <summary>H2: the forward horizon the risk conditions are watched over, in bars.</summary>
    /// <value>The default is 12 bars.</value>
    public int HorizonBars { get; init; } = 12;

    /// <summary>rho_var above this is a risk condition.</summary>
    /// <value>The default is the training window's 0.975 quantile (the seed's 0.025 is <c>Threshold.Absolute(0.025)</c>).</value>
    public Threshold RhoVariance { get; init; } = Threshold.Quantile(0.975);

    /// <summary>atr_ratio above this is a risk condition.</summary>
    /// <value>The default is the training window's 0.975 quantile (seed: 1.8).</value>
    public Threshold AtrRatio { get; init; } = Threshold.Quantile(0.975);

    /// <summary>speed above this is a risk condition.</summary>
    /// <value>The default is the training window's 0.975 quantile (seed: 0.12).</value>
    public Threshold Speed { get; init; } = Threshold.Quantile(0.975);

    /// <summary>dd_recent above this is a risk condition.</summary>
    /// <value>The default is the training window's 0.975 quantile (seed: 0.07).</value>
    public Threshold Drawdown { get; init; } = Threshold.Quantile(0.975);

    /// <summary>The report warns when the positive rate falls below this share.</summary>
    /// <value>The default is 0.10.</value>
    public double MinPositiveRate { get; init; } = 0.10;

    /// <summary>The report warns when the positive rate rises above this share.</summary>
    /// <value>The default is 0.60.</value>
    public double MaxPositiveRate { get; init; } = 0.60;

    /// <summary>
    /// Checks the horizon, the thresholds and the positive-rate band; the one place their ranges are defined (policy loaders call it too). Numbers must be finite.
    /// </summary>
    /// <exception cref="ArgumentException">A value is out of range; <see cref="ArgumentException.ParamName"/> names the property.</exception>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(HorizonBars, nameof(HorizonBars));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(HorizonBars, 100_000, nameof(HorizonBars));
        ArgumentNullException.ThrowIfNull(RhoVariance, nameof(RhoVariance));
        ArgumentNullException.ThrowIfNull(AtrRatio, nameof(AtrRatio));
        ArgumentNullException.ThrowIfNull(Speed, nameof(Speed));
        ArgumentNullException.ThrowIfNull(Drawdown, nameof(Drawdown));
        Guard.Finite(MinPositiveRate, nameof(MinPositiveRate));
        Guard.Finite(MaxPositiveRate, nameof(MaxPositiveRate));
        if (MinPositiveRate < 0 || MaxPositiveRate > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MinPositiveRate), $"The positive-rate band [{MinPositiveRate}, {MaxPositiveRate}] must lie in [0, 1].");
        }

        ArgumentOutOfRangeException.ThrowIfGreaterThan(MinPositiveRate, MaxPositiveRate, nameof(MinPositiveRate));
    }
}
