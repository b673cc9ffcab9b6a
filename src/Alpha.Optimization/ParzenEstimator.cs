namespace Alpha.Optimization;

/// <summary>
/// Optuna 3.1's <c>_ParzenEstimator</c>: a mixture of one kernel per observation (plus the prior kernel) over one or
/// more parameters. Numerical parameters get truncated normals on [low, high] (widened by step/2 for stepped and
/// integer parameters, in log space for log parameters) with the bandwidth rules of the univariate and
/// multivariate estimators; categorical parameters get smoothed one-hot kernels.
/// </summary>
/// <remarks>
/// Faithful to 3.1 in one surprising detail: the continuous kernels' log density omits the −log σ of the change of
/// variable (Optuna's own <c>_truncnorm.logpdf</c> standardises x but does not divide by the scale), which weighs
/// wide kernels up relative to narrow ones. Stepped parameters use probability masses and are unaffected.
/// </remarks>
internal sealed class ParzenEstimator
{
    private const double Eps = 1e-12;
    private const double Sigma0Magnitude = 0.2;

    private readonly KeyValuePair<string, ParameterDistribution>[] _parameters;
    private readonly double[] _low;
    private readonly double[] _high;
    private readonly double[] _step;
    private readonly double[][] _mus;
    private readonly double[][] _sigmas;
    private readonly double[][][] _categorical;

    /// <summary>Builds the estimator; <paramref name="observations"/>[p][i] is observation i of parameter p (internal representation).</summary>
    public ParzenEstimator(KeyValuePair<string, ParameterDistribution>[] parameters, double[][] observations, TpeOptions options)
    {
        _parameters = parameters;
        int n = observations.Length == 0 ? 0 : observations[0].Length;
        bool prior = options.ConsiderPrior || n == 0;
        Weights = KernelWeights(n, prior, options);
        int p = parameters.Length;
        _low = new double[p];
        _high = new double[p];
        _step = new double[p];
        _mus = new double[p][];
        _sigmas = new double[p][];
        _categorical = new double[p][][];
        double sigma0 = Sigma0Magnitude * Math.Pow(Math.Max(n, 1), -1.0 / (p + 4));
        for (int k = 0; k < p; k++)
        {
            ParameterDistribution distribution = parameters[k].Value;
            if (distribution is CategoricalParameter categorical)
            {
                _categorical[k] = CategoricalKernels(observations[k], categorical.Choices.Length, prior, options.PriorWeight);
                continue;
            }

            (_low[k], _high[k], _step[k]) = Bounds(distribution);
            double[] uniform = [.. observations[k].Select(v => IsLog(distribution) ? Math.Log(v) : v)];
            (_mus[k], _sigmas[k]) = NumericalKernels(uniform, _low[k], _high[k], prior, options, sigma0);
        }
    }

    /// <summary>The normalised kernel weights (observations in order, then the prior).</summary>
    public double[] Weights { get; }

    /// <summary>The kernel centres of parameter <paramref name="k"/> (internal, log space for log parameters).</summary>
    public double[] Mus(int k) => _mus[k];

    /// <summary>The kernel bandwidths of parameter <paramref name="k"/>.</summary>
    public double[] Sigmas(int k) => _sigmas[k];

    /// <summary>Draws <paramref name="size"/> points: [parameter][sample], in the parameters' internal representation.</summary>
    public double[][] Sample(Random random, int size)
    {
        var active = new int[size];
        for (int s = 0; s < size; s++)
        {
            active[s] = Choose(random, Weights);
        }

        var samples = new double[_parameters.Length][];
        for (int k = 0; k < _parameters.Length; k++)
        {
            samples[k] = new double[size];
            for (int s = 0; s < size; s++)
            {
                samples[k][s] = _categorical[k] is { } kernels
                    ? Choose(random, kernels[active[s]])
                    : FromUniform(k, _mus[k][active[s]] + (_sigmas[k][active[s]] * TruncatedNormal.Ppf(random.NextDouble(), (_low[k] - _mus[k][active[s]]) / _sigmas[k][active[s]], (_high[k] - _mus[k][active[s]]) / _sigmas[k][active[s]])));
            }
        }

        return samples;
    }

    /// <summary>The log density of each sample point (samples as returned by <see cref="Sample"/>).</summary>
    public double[] LogPdf(double[][] samples)
    {
        int size = samples[0].Length, kernels = Weights.Length;
        var result = new double[size];
        var component = new double[kernels];
        for (int s = 0; s < size; s++)
        {
            for (int j = 0; j < kernels; j++)
            {
                component[j] = Math.Log(Weights[j]);
            }

            for (int k = 0; k < _parameters.Length; k++)
            {
                if (_categorical[k] is { } categorical)
                {
                    int choice = (int)samples[k][s];
                    for (int j = 0; j < kernels; j++)
                    {
                        component[j] += Math.Log(categorical[j][choice]);
                    }

                    continue;
                }

                double x = IsLog(_parameters[k].Value) ? Math.Log(samples[k][s]) : samples[k][s];
                double q = _step[k];
                for (int j = 0; j < kernels; j++)
                {
                    double mu = _mus[k][j], sigma = _sigmas[k][j];
                    double a = (_low[k] - mu) / sigma, b = (_high[k] - mu) / sigma;
                    component[j] += q > 0
                        ? TruncatedNormal.LogGaussMass((Math.Max(x - (q / 2), _low[k]) - mu) / sigma, (Math.Min(x + (q / 2), _high[k]) - mu) / sigma) - TruncatedNormal.LogGaussMass(a, b)
                        : TruncatedNormal.LogPdf((x - mu) / sigma, a, b);
                }
            }

            double max = component.Max();
            double sum = 0;
            foreach (double c in component)
            {
                sum += Math.Exp(c - max);
            }

            result[s] = Math.Log(sum) + max;
        }

        return result;
    }

    private static bool IsLog(ParameterDistribution distribution) => distribution is FloatParameter { Log: true } or IntParameter { Log: true };

    // Optuna's _calculate_parzen_bounds: (low, high, q) in the space the kernels live in.
    private static (double Low, double High, double Step) Bounds(ParameterDistribution distribution) => distribution switch
    {
        FloatParameter { Log: true } f => (Math.Log(f.Low), Math.Log(f.High), 0),
        FloatParameter { Step: double q } f => (f.Low - (0.5 * q), f.High + (0.5 * q), q),
        FloatParameter f => (f.Low, f.High, 0),
        IntParameter { Log: true } i => (Math.Log(i.Low - 0.5), Math.Log(i.High + 0.5), 0),
        IntParameter i => (i.Low - (0.5 * i.Step), i.High + (0.5 * i.Step), i.Step),
        _ => throw new ArgumentOutOfRangeException(nameof(distribution)),
    };

    // Back to the parameter's space: exp for log scales, then onto the grid and into the range.
    private double FromUniform(int k, double x) => _parameters[k].Value switch
    {
        FloatParameter { Log: true } => Math.Exp(x),
        FloatParameter { Step: double q } f => Math.Clamp((Math.Round((x - f.Low) / q) * q) + f.Low, f.Low, f.High),
        IntParameter { Log: true } i => Math.Clamp(Math.Round(Math.Exp(x)), i.Low, i.High),
        IntParameter i => Math.Clamp((Math.Round((x - i.Low) / i.Step) * i.Step) + i.Low, i.Low, i.High),
        _ => x,
    };

    private static double[] KernelWeights(int n, bool prior, TpeOptions options)
    {
        double[] w = n == 0 ? [] : options.Weights(n)[..n];
        if (w.Any(v => !(v >= 0) || !double.IsFinite(v)) || (w.Length > 0 && w.Sum() <= 0))
        {
            throw new InvalidOperationException($"The TPE weights function returned invalid weights for {n} observations.");
        }

        double[] weights = prior ? [.. w, options.PriorWeight] : w;
        double total = weights.Sum();
        return [.. weights.Select(v => v / total)];
    }

    // Optuna's _calculate_numerical_params.
    private static (double[] Mus, double[] Sigmas) NumericalKernels(double[] observations, double low, double high, bool prior, TpeOptions options, double sigma0)
    {
        int n = observations.Length;
        double[] mus = prior ? [.. observations, 0.5 * (low + high)] : observations;
        var sigmas = new double[mus.Length];
        if (options.Multivariate)
        {
            sigmas.AsSpan().Fill(sigma0 * (high - low));
        }
        else
        {
            int[] order = [.. Enumerable.Range(0, mus.Length).OrderBy(i => mus[i])];
            double[] withEnds = [low, .. order.Select(i => mus[i]), high];
            var sorted = new double[mus.Length];
            for (int i = 0; i < sorted.Length; i++)
            {
                sorted[i] = Math.Max(withEnds[i + 1] - withEnds[i], withEnds[i + 2] - withEnds[i + 1]);
            }

            if (!options.ConsiderEndpoints && withEnds.Length >= 4)
            {
                sorted[0] = withEnds[2] - withEnds[1];
                sorted[^1] = withEnds[^2] - withEnds[^3];
            }

            for (int i = 0; i < order.Length; i++)
            {
                sigmas[order[i]] = sorted[i];
            }
        }

        double maxSigma = high - low;
        double minSigma = options.ConsiderMagicClip ? (high - low) / Math.Min(100.0, 1.0 + mus.Length) : Eps;
        for (int i = 0; i < sigmas.Length; i++)
        {
            sigmas[i] = Math.Clamp(sigmas[i], minSigma, maxSigma);
        }

        if (prior)
        {
            sigmas[n] = high - low;
        }

        return (mus, sigmas);
    }

    // Optuna's _calculate_categorical_params: each kernel is its choice plus prior_weight / kernels on every choice.
    private static double[][] CategoricalKernels(double[] observations, int choices, bool prior, double priorWeight)
    {
        int n = observations.Length, kernels = n + (prior ? 1 : 0);
        double value = priorWeight / kernels;
        var weights = new double[kernels][];
        for (int j = 0; j < kernels; j++)
        {
            weights[j] = [.. Enumerable.Repeat(value, choices)];
            if (j < n)
            {
                weights[j][(int)observations[j]] += 1;
            }

            double total = weights[j].Sum();
            for (int c = 0; c < choices; c++)
            {
                weights[j][c] /= total;
            }
        }

        return weights;
    }

    private static int Choose(Random random, double[] probabilities)
    {
        double u = random.NextDouble(), cumulative = 0;
        for (int i = 0; i < probabilities.Length; i++)
        {
            cumulative += probabilities[i];
            if (u < cumulative)
            {
                return i;
            }
        }

        return probabilities.Length - 1;
    }
}
