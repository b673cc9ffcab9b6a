namespace Alpha.Optimization;

/// <summary>Every combination of the given values, in order (the last parameter varies fastest), then random points when the grid is exhausted.</summary>
public sealed class GridSampler : ISampler
{
    private readonly List<Dictionary<string, double>> _points;
    private readonly RandomSampler _fallback;
    private int _next;

    /// <summary>A grid over the values given per parameter (categoricals as choice indices).</summary>
    /// <exception cref="ArgumentException">A parameter has no value.</exception>
    public GridSampler(IReadOnlyList<KeyValuePair<string, double[]>> values, int seed = 0)
    {
        ArgumentNullException.ThrowIfNull(values);
        _points = [new Dictionary<string, double>(StringComparer.Ordinal)];
        foreach ((string name, double[] options) in values)
        {
            if (options is null || options.Length == 0)
            {
                throw new ArgumentException($"Grid parameter '{name}' has no value.", nameof(values));
            }

            _points = [.. _points.SelectMany(p => options.Select(v => new Dictionary<string, double>(p, StringComparer.Ordinal) { [name] = v }))];
        }

        _fallback = new RandomSampler(seed);
    }

    /// <summary>Number of grid points.</summary>
    public int Size => _points.Count;

    /// <inheritdoc />
    public IReadOnlyDictionary<string, double> Sample(SearchSpace space, IReadOnlyList<TrialRecord> history, StudyDirection direction) =>
        _next < _points.Count ? _points[_next++] : _fallback.Sample(space, history, direction);
}
