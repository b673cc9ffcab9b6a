namespace Alpha.Optimization;

/// <summary>Settings of <see cref="ThetaOptimizer"/> (DESIGN.md § 5 "Threshold optimisation"; core_policy.yaml binds to them).</summary>
public sealed record ThetaSearchOptions
{
    /// <summary>The trade minimum of the scope being optimised (150 a year for a portfolio, 8 for one pair): a hard constraint.</summary>
    public required double MinTradesPerYear { get; init; }

    /// <summary>In sample a θ must trade at least this multiple of the minimum to be feasible.</summary>
    /// <value>The default is 1.2.</value>
    public double InSampleMargin { get; init; } = 1.2;

    /// <summary>Lowest θ1.</summary>
    /// <value>The default is 0.60.</value>
    public double Theta1Low { get; init; } = 0.60;

    /// <summary>Highest θ1.</summary>
    /// <value>The default is 0.85.</value>
    public double Theta1High { get; init; } = 0.85;

    /// <summary>Lowest θ2.</summary>
    /// <value>The default is 0.20.</value>
    public double Theta2Low { get; init; } = 0.20;

    /// <summary>Highest θ2.</summary>
    /// <value>The default is 0.45.</value>
    public double Theta2High { get; init; } = 0.45;

    /// <summary>Grid of both thresholds.</summary>
    /// <value>The default is 0.01.</value>
    public double Step { get; init; } = 0.01;

    /// <summary>Points per axis of the coarse grid evaluated first.</summary>
    /// <value>The default is 6 (36 points).</value>
    public int GridPointsPerAxis { get; init; } = 6;

    /// <summary>Trials at most, grid included.</summary>
    /// <value>The default is 100.</value>
    public int MaxTrials { get; init; } = 100;

    /// <summary>Stop after this many TPE trials without a better feasible θ (grid points do not count).</summary>
    /// <value>The default is 15.</value>
    public int Patience { get; init; } = 15;

    /// <summary>Seed of the TPE sampler and of the bootstrap.</summary>
    /// <value>The default is 42.</value>
    public int Seed { get; init; } = 42;

    /// <summary>MaxDD above this is penalised.</summary>
    /// <value>The default is 0.12.</value>
    public double DrawdownLimit { get; init; } = 0.12;

    /// <summary>Penalty per unit of MaxDD above the limit.</summary>
    /// <value>The default is 2.0.</value>
    public double DrawdownPenalty { get; init; } = 2.0;

    /// <summary>Penalty per unit of AI2 false-positive rate.</summary>
    /// <value>The default is 0.10.</value>
    public double FalsePositivePenalty { get; init; } = 0.10;

    /// <summary>When even the loosest corner is infeasible, search the percentile ranges of the candidates' probabilities instead.</summary>
    /// <value>The default is <see langword="true"/>.</value>
    public bool AdaptiveRange { get; init; } = true;

    /// <summary>Adaptive θ1 range: these quantiles of calibrated return_prob on candidate bars.</summary>
    /// <value>The default is (0.50, 0.95).</value>
    public (double Low, double High) AdaptiveTheta1Quantiles { get; init; } = (0.50, 0.95);

    /// <summary>Adaptive θ2 range: these quantiles of calibrated risk_score on candidate bars.</summary>
    /// <value>The default is (0.40, 0.90).</value>
    public (double Low, double High) AdaptiveTheta2Quantiles { get; init; } = (0.40, 0.90);

    /// <summary>Weight of the new best in θ_new = (1 − w)·θ_old + w·θ_best.</summary>
    /// <value>The default is 0.3.</value>
    public double SmoothingWeight { get; init; } = 0.3;

    /// <summary>Largest change of either threshold per update.</summary>
    /// <value>The default is 0.03.</value>
    public double MaxChange { get; init; } = 0.03;

    /// <summary>Bootstrap resamples of the adoption guard.</summary>
    /// <value>The default is 1,000.</value>
    public int BootstrapResamples { get; init; } = 1000;

    /// <summary>Consecutive trades per bootstrap block.</summary>
    /// <value>The default is 10.</value>
    public int BootstrapBlock { get; init; } = 10;

    /// <summary>Width of the improvement interval (its lower bound must exceed 0 to adopt).</summary>
    /// <value>The default is 0.95 (percentiles 2.5 and 97.5).</value>
    public double BootstrapConfidence { get; init; } = 0.95;

    /// <summary>The AI2 pass rate (share of candidates with risk_score &lt; θ2) should stay in this band; outside it the result warns.</summary>
    /// <value>The default is (0.05, 0.95).</value>
    public (double Low, double High) PassRateBand { get; init; } = (0.05, 0.95);

    /// <summary>The TPE settings (univariate, Optuna 3.1's defaults).</summary>
    /// <value>The default is <c>new TpeOptions()</c>.</value>
    public TpeOptions Tpe { get; init; } = new();

    /// <summary>
    /// Checks the θ ranges, budgets, penalties and bootstrap settings; the one place their ranges are defined (policy loaders call it too). Numbers must be finite.
    /// </summary>
    /// <exception cref="ArgumentException">A value is out of range; <see cref="ArgumentException.ParamName"/> names the property.</exception>
    public void Validate()
    {
        foreach ((double value, string name) in new[] { (MinTradesPerYear, nameof(MinTradesPerYear)), (InSampleMargin, nameof(InSampleMargin)), (Step, nameof(Step)), (DrawdownLimit, nameof(DrawdownLimit)), (DrawdownPenalty, nameof(DrawdownPenalty)), (FalsePositivePenalty, nameof(FalsePositivePenalty)), (MaxChange, nameof(MaxChange)) })
        {
            if (!double.IsFinite(value) || value < 0)
            {
                throw new ArgumentOutOfRangeException(name, value, $"{name} must be finite and non-negative.");
            }
        }

        if (!(Step > 0) || !(Theta1Low <= Theta1High) || !(Theta2Low <= Theta2High) || Theta1Low < 0 || Theta1High > 1 || Theta2Low < 0 || Theta2High > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(Theta1Low), "The θ ranges must lie in [0, 1], low ≤ high, with a positive step.");
        }

        if (!(SmoothingWeight >= 0 && SmoothingWeight <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(SmoothingWeight), SmoothingWeight, "SmoothingWeight must lie in [0, 1].");
        }

        if (!(BootstrapConfidence > 0 && BootstrapConfidence < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(BootstrapConfidence), BootstrapConfidence, "BootstrapConfidence must lie in (0, 1).");
        }

        if (!(DrawdownLimit <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(DrawdownLimit), DrawdownLimit, "DrawdownLimit must lie in [0, 1].");
        }

        foreach (((double low, double high), string name) in new[] { (AdaptiveTheta1Quantiles, nameof(AdaptiveTheta1Quantiles)), (AdaptiveTheta2Quantiles, nameof(AdaptiveTheta2Quantiles)), (PassRateBand, nameof(PassRateBand)) })
        {
            if (!(low >= 0 && low <= high && high <= 1))
            {
                throw new ArgumentOutOfRangeException(name, $"{name} ({low}, {high}) must lie in [0, 1] with low ≤ high.");
            }
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(GridPointsPerAxis, 2, nameof(GridPointsPerAxis));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(GridPointsPerAxis, 1_000, nameof(GridPointsPerAxis));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxTrials, nameof(MaxTrials));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(MaxTrials, 100_000, nameof(MaxTrials));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(Patience, nameof(Patience));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(BootstrapResamples, nameof(BootstrapResamples));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(BootstrapResamples, 100_000, nameof(BootstrapResamples));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(BootstrapBlock, nameof(BootstrapBlock));
        ArgumentNullException.ThrowIfNull(Tpe, nameof(Tpe));
    }
}
