namespace Alpha.Optimization;

/// <summary>Chooses the next point to evaluate from the finished trials.</summary>
public interface ISampler
{
    /// <summary>The next point: a value for every parameter of <paramref name="space"/> (categoricals as indices).</summary>
    IReadOnlyDictionary<string, double> Sample(SearchSpace space, IReadOnlyList<TrialRecord> history, StudyDirection direction);
}
