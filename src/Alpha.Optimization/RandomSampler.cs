namespace Alpha.Optimization;

/// <summary>Independent uniform sampling (Optuna's RandomSampler): stepped values uniformly over their grid, log-scale values uniformly in log space.</summary>
public sealed class RandomSampler : ISampler
{
    private readonly Random _random;

    /// <summary>Creates a sampler seeded with <paramref name="seed"/>.</summary>
    public RandomSampler(int seed) => _random = new Random(seed);

    /// <inheritdoc />
    public IReadOnlyDictionary<string, double> Sample(SearchSpace space, IReadOnlyList<TrialRecord> history, StudyDirection direction)
    {
        ArgumentNullException.ThrowIfNull(space);
        var point = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach ((string name, ParameterDistribution distribution) in space.Parameters)
        {
            point[name] = Draw(distribution, _random);
        }

        return point;
    }

    internal static double Draw(ParameterDistribution distribution, Random random) => distribution switch
    {
        FloatParameter { Log: true } f => Math.Min(Math.Max(Math.Exp(Uniform(random, Math.Log(f.Low), Math.Log(f.High))), f.Low), f.High),
        FloatParameter { Step: double q } f => OnGrid(random, f.Low, f.High, q),
        FloatParameter f => Uniform(random, f.Low, f.High),
        IntParameter { Log: true } i => Math.Min(Math.Max(Math.Round(Math.Exp(Uniform(random, Math.Log(i.Low - 0.5), Math.Log(i.High + 0.5)))), i.Low), i.High),
        IntParameter i => OnGrid(random, i.Low, i.High, i.Step),
        CategoricalParameter c => random.Next(c.Choices.Length),
        _ => throw new ArgumentOutOfRangeException(nameof(distribution)),
    };

    private static double Uniform(Random random, double low, double high) => low + (random.NextDouble() * (high - low));

    // [low, high] shifted to [0, r], drawn on [−q/2, r + q/2] and rounded to the grid, so every grid point is equally likely.
    private static double OnGrid(Random random, double low, double high, double q)
    {
        double s = Uniform(random, -0.5 * q, high - low + (0.5 * q));
        return Math.Min(Math.Max((Math.Round(s / q) * q) + low, low), high);
    }
}
