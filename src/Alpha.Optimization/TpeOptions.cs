namespace Alpha.Optimization;

/// <summary>Settings of <see cref="TpeSampler"/>, with Optuna 3.1's names and defaults.</summary>
public sealed record TpeOptions
{
    /// <summary>Random points before TPE takes over (enqueued points count).</summary>
    /// <value>The default is 10.</value>
    public int StartupTrials { get; init; } = 10;

    /// <summary>Candidates drawn from l(x) per suggestion; the one maximising l(x)/g(x) wins.</summary>
    /// <value>The default is 24.</value>
    public int EiCandidates { get; init; } = 24;

    /// <summary>Add the prior kernel (centred, as wide as the range) to both estimators.</summary>
    /// <value>The default is <see langword="true"/>.</value>
    public bool ConsiderPrior { get; init; } = true;

    /// <summary>The prior kernel's weight before normalisation.</summary>
    /// <value>The default is 1.</value>
    public double PriorWeight { get; init; } = 1.0;

    /// <summary>Bandwidths at least range / min(100, 1 + kernels) (hyperopt's "magic clip").</summary>
    /// <value>The default is <see langword="true"/>.</value>
    public bool ConsiderMagicClip { get; init; } = true;

    /// <summary>Let the outermost kernels reach to the range's ends (otherwise their bandwidth mirrors the inner neighbour).</summary>
    /// <value>The default is <see langword="false"/>.</value>
    public bool ConsiderEndpoints { get; init; }

    /// <summary>Model the parameters jointly (bandwidth 0.2·n^(−1/(d+4))·range) instead of one at a time.</summary>
    /// <value>The default is <see langword="false"/> (univariate, Optuna's default).</value>
    public bool Multivariate { get; init; }

    /// <summary>γ(n): how many of n observations form the "good" group.</summary>
    /// <value>The default is min(⌈0.1 n⌉, 25).</value>
    public Func<int, int> Gamma { get; init; } = DefaultGamma;

    /// <summary>Kernel weights of n observations in trial order.</summary>
    /// <value>The default is 1 for the last 25, a linear ramp from 1/n before them.</value>
    public Func<int, double[]> Weights { get; init; } = DefaultWeights;

    /// <summary>Optuna's default_gamma: min(⌈0.1 n⌉, 25).</summary>
    public static int DefaultGamma(int n) => Math.Min((int)Math.Ceiling(0.1 * n), 25);

    /// <summary>Optuna's default_weights: all 1 below 25 observations, else a ramp np.linspace(1/n, 1, n − 25) then 25 ones.</summary>
    public static double[] DefaultWeights(int n)
    {
        if (n < 25)
        {
            return [.. Enumerable.Repeat(1.0, n)];
        }

        var weights = new double[n];
        int ramp = n - 25;
        double step = ramp > 1 ? (1.0 - (1.0 / n)) / (ramp - 1) : 0;
        for (int i = 0; i < ramp; i++)
        {
            weights[i] = ramp == 1 ? 1.0 / n : i == ramp - 1 ? 1.0 : (i * step) + (1.0 / n);
        }

        weights.AsSpan(ramp).Fill(1.0);
        return weights;
    }

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegative(StartupTrials, nameof(StartupTrials));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(EiCandidates, nameof(EiCandidates));
        ArgumentNullException.ThrowIfNull(Gamma, nameof(Gamma));
        ArgumentNullException.ThrowIfNull(Weights, nameof(Weights));
        if (!(PriorWeight > 0) || !double.IsFinite(PriorWeight))
        {
            throw new ArgumentOutOfRangeException(nameof(PriorWeight), PriorWeight, "The prior weight must be positive.");
        }
    }
}
