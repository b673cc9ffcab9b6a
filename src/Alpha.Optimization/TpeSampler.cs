namespace Alpha.Optimization;

/// <summary>
/// The Tree-structured Parzen Estimator of Optuna 3.1 (the same algorithm, not the same random stream): after
/// <see cref="TpeOptions.StartupTrials"/> random points, the finished trials are split into the best γ(n) ("below")
/// and the rest ("above") — infeasible trials after every feasible one, pruned trials after complete ones — a
/// <c>ParzenEstimator</c> is fitted to each, <see cref="TpeOptions.EiCandidates"/> points are drawn from the
/// "below" one, and the point with the largest log l(x) − log g(x) is suggested. Univariate by default (each
/// parameter on its own), multivariate on request. Seeded and reproducible.
/// </summary>
public sealed class TpeSampler : ISampler
{
    private readonly TpeOptions _options;
    private readonly Random _random;

    /// <summary>Creates the sampler.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public TpeSampler(TpeOptions? options = null, int seed = 0)
    {
        _options = options ?? new TpeOptions();
        _options.Validate();
        _random = new Random(seed);
    }

    /// <inheritdoc />
    public IReadOnlyDictionary<string, double> Sample(SearchSpace space, IReadOnlyList<TrialRecord> history, StudyDirection direction)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(history);
        TrialRecord[] observed = [.. history.Where(t => t.State is TrialState.Complete or TrialState.Pruned)];
        var point = new Dictionary<string, double>(StringComparer.Ordinal);
        if (observed.Length < _options.StartupTrials)
        {
            foreach ((string name, ParameterDistribution distribution) in space.Parameters)
            {
                point[name] = RandomSampler.Draw(distribution, _random);
            }

            return point;
        }

        (int[] below, int[] above) = Split(observed, _options.Gamma(observed.Length), direction);
        if (_options.Multivariate)
        {
            Suggest([.. space.Parameters], observed, below, above, point);
        }
        else
        {
            foreach (KeyValuePair<string, ParameterDistribution> parameter in space.Parameters)
            {
                Suggest([parameter], observed, below, above, point);
            }
        }

        return point;
    }

    // Optuna's _split_observation_pairs with violations. When no more than n_below trials are feasible, "below" is
    // the n_below smallest violations (feasible ones first); otherwise the feasible trials are split by (complete
    // before pruned, signed value) and every infeasible trial goes "above". Both groups in trial order.
    internal static (int[] Below, int[] Above) Split(TrialRecord[] observed, int nBelow, StudyDirection direction)
    {
        int n = observed.Length;
        nBelow = Math.Min(nBelow, n);
        int feasible = observed.Count(t => t.Violation == 0);
        int[] below, above;
        if (nBelow >= n || feasible <= nBelow)
        {
            int[] byViolation = [.. Enumerable.Range(0, n).OrderBy(i => observed[i].Violation).ThenBy(i => i)];
            below = byViolation[..nBelow];
            above = byViolation[nBelow..];
        }
        else
        {
            double sign = direction == StudyDirection.Minimize ? 1 : -1;
            int[] byLoss = [.. Enumerable.Range(0, n)
                .Where(i => observed[i].Violation == 0)
                .OrderBy(i => observed[i].State == TrialState.Complete ? 0 : 1)
                .ThenBy(i => observed[i].State == TrialState.Complete ? sign * observed[i].Value!.Value : 0.0)
                .ThenBy(i => i)];
            below = byLoss[..nBelow];
            above = [.. byLoss[nBelow..], .. Enumerable.Range(0, n).Where(i => observed[i].Violation > 0)];
        }

        Array.Sort(below);
        Array.Sort(above);
        return (below, above);
    }

    private void Suggest(KeyValuePair<string, ParameterDistribution>[] parameters, TrialRecord[] observed, int[] below, int[] above, Dictionary<string, double> point)
    {
        var l = new ParzenEstimator(parameters, Observations(parameters, observed, below), _options);
        var g = new ParzenEstimator(parameters, Observations(parameters, observed, above), _options);
        double[][] candidates = l.Sample(_random, _options.EiCandidates);
        double[] logL = l.LogPdf(candidates), logG = g.LogPdf(candidates);
        int best = 0;
        for (int s = 1; s < logL.Length; s++)
        {
            if (logL[s] - logG[s] > logL[best] - logG[best])
            {
                best = s;
            }
        }

        for (int k = 0; k < parameters.Length; k++)
        {
            point[parameters[k].Key] = candidates[k][best];
        }
    }

    private static double[][] Observations(KeyValuePair<string, ParameterDistribution>[] parameters, TrialRecord[] observed, int[] indices) =>
        [.. parameters.Select(p => indices.Select(i => observed[i].Parameters[p.Key]).ToArray())];
}
