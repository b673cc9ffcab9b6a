using System.Collections.Immutable;
using System.Runtime.InteropServices;

namespace Alpha.CrossValidation;

/// <summary>
/// Combinatorial purged cross-validation (de Prado, <i>Advances in Financial Machine Learning</i>, ch. 12; skfolio's
/// <c>CombinatorialPurgedCV</c>): the samples are cut into N contiguous groups as in <see cref="PurgedKFold"/>, and
/// each of the C(N, k) combinations of k groups is a test set once, with training purged and embargoed around
/// every test group's span. Each group is tested in C(N−1, k−1) splits, which recombine into that many backtest
/// paths; the j-th split (in order) that tests a group assigns it to path j.
/// </summary>
public sealed class CombinatorialPurgedKFold
{
    private readonly int[][] _combinations;
    private readonly int[][] _pathIds;

    /// <summary>Creates the splitter and enumerates its combinations.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range, or C(N, k) exceeds 100,000 splits.</exception>
    public CombinatorialPurgedKFold(CombinatorialPurgedKFoldOptions? options = null)
    {
        Options = options ?? new CombinatorialPurgedKFoldOptions();
        Options.Validate();
        double splits = Binomial(Options.Groups, Options.TestGroups);
        if (splits > 100_000)
        {
            throw new ArgumentOutOfRangeException(nameof(options), splits, $"C({Options.Groups}, {Options.TestGroups}) = {splits} splits is more than the 100,000 allowed.");
        }

        _combinations = Combinations(Options.Groups, Options.TestGroups);
        _pathIds = new int[_combinations.Length][];
        var seen = new int[Options.Groups];
        for (int s = 0; s < _combinations.Length; s++)
        {
            _pathIds[s] = new int[Options.TestGroups];
            for (int j = 0; j < Options.TestGroups; j++)
            {
                _pathIds[s][j] = seen[_combinations[s][j]]++;
            }
        }

        PathCount = (int)Binomial(Options.Groups - 1, Options.TestGroups - 1);
    }

    /// <summary>The settings.</summary>
    public CombinatorialPurgedKFoldOptions Options { get; }

    /// <summary>Number of splits, C(N, k).</summary>
    public int SplitCount => _combinations.Length;

    /// <summary>Number of backtest paths, C(N−1, k−1).</summary>
    public int PathCount { get; }

    /// <summary>The test groups of split <paramref name="split"/>, ascending (lexicographic order of combinations).</summary>
    public ImmutableArray<int> TestGroupsOf(int split) => ImmutableCollectionsMarshal.AsImmutableArray((int[])_combinations[split].Clone());

    /// <summary>The path id of each test group of split <paramref name="split"/> (skfolio's <c>get_path_ids()</c> row).</summary>
    public ImmutableArray<int> PathIdsOf(int split) => ImmutableCollectionsMarshal.AsImmutableArray((int[])_pathIds[split].Clone());

    /// <summary>The split that covers <paramref name="group"/> on <paramref name="path"/> (skfolio's <c>recombined_paths</c>).</summary>
    public int SplitOf(int group, int path)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(group);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(group, Options.Groups);
        ArgumentOutOfRangeException.ThrowIfNegative(path);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(path, PathCount);
        for (int s = 0; s < _combinations.Length; s++)
        {
            int j = Array.IndexOf(_combinations[s], group);
            if (j >= 0 && _pathIds[s][j] == path)
            {
                return s;
            }
        }

        throw new InvalidOperationException($"Group {group} has no split on path {path}.");
    }

    /// <summary>The C(N, k) folds in lexicographic order of their test groups; the fold's index is its split id.</summary>
    /// <exception cref="ArgumentException">A group is shorter than the minimum block or empty, or a split has no training sample.</exception>
    public IEnumerable<Fold> Split(LabelEvents events)
    {
        ArgumentNullException.ThrowIfNull(events);
        int[] starts = BarGroups.Partition(events, Options.Groups, Options.MinBlockBars);
        var groupSpans = new TestSpan[Options.Groups];
        for (int g = 0; g < groupSpans.Length; g++)
        {
            groupSpans[g] = Purging.SpanOf(events, starts[g], starts[g + 1]);
        }

        return Folds(events, starts, groupSpans);
    }

    /// <summary>The recombined backtest paths for <paramref name="events"/> (one segment per group on each path).</summary>
    public IReadOnlyList<BacktestPath> Paths(LabelEvents events)
    {
        ArgumentNullException.ThrowIfNull(events);
        int[] starts = BarGroups.Partition(events, Options.Groups, Options.MinBlockBars);
        var paths = new BacktestPath[PathCount];
        for (int p = 0; p < paths.Length; p++)
        {
            var segments = new PathSegment[Options.Groups];
            for (int g = 0; g < segments.Length; g++)
            {
                segments[g] = new PathSegment(g, SplitOf(g, p), starts[g], starts[g + 1] - starts[g]);
            }

            paths[p] = new BacktestPath(p, ImmutableCollectionsMarshal.AsImmutableArray(segments));
        }

        return paths;
    }

    /// <summary>
    /// The (N, k) whose average training size n/N·(N−k) and path count C(N−1, k−1) are nearest the targets, by
    /// the weighted relative distance of skfolio's <c>optimal_folds_number</c> (N from 3 to n, k from 2 to N − 1,
    /// ties to the first in that order).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A count or target is not positive, or a weight is negative or not finite.</exception>
    public static (int Groups, int TestGroups) ChooseGroups(int sampleCount, int targetTrainSize, int targetPathCount, double trainSizeWeight = 1.0, double pathCountWeight = 1.0)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(sampleCount, 3);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(targetTrainSize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(targetPathCount);
        Guard.Finite(trainSizeWeight, nameof(trainSizeWeight));
        Guard.Finite(pathCountWeight, nameof(pathCountWeight));
        ArgumentOutOfRangeException.ThrowIfNegative(trainSizeWeight);
        ArgumentOutOfRangeException.ThrowIfNegative(pathCountWeight);

        double bestCost = double.PositiveInfinity;
        (int, int) best = (3, 2);
        for (int n = 3; n <= sampleCount; n++)
        {
            // Every k in [2, N−1] has at least N − 1 paths: once that alone costs more than the best, larger N cannot win.
            if (pathCountWeight * ((n - 1) - (double)targetPathCount) / targetPathCount > bestCost)
            {
                break;
            }

            for (int k = 2; k < n; k++)
            {
                double paths = Binomial(n - 1, k - 1);
                double trainSize = (double)sampleCount / n * (n - k);
                double cost = (pathCountWeight * Math.Abs(paths - targetPathCount) / targetPathCount)
                    + (trainSizeWeight * Math.Abs(trainSize - targetTrainSize) / targetTrainSize);
                if (cost < bestCost)
                {
                    bestCost = cost;
                    best = (n, k);
                }
            }
        }

        return best;
    }

    private IEnumerable<Fold> Folds(LabelEvents events, int[] starts, TestSpan[] groupSpans)
    {
        for (int s = 0; s < _combinations.Length; s++)
        {
            int[] groups = _combinations[s];
            var spans = new TestSpan[groups.Length];
            int testCount = 0;
            for (int j = 0; j < groups.Length; j++)
            {
                spans[j] = groupSpans[groups[j]];
                testCount += starts[groups[j] + 1] - starts[groups[j]];
            }

            int[] train = Purging.Train(events, 0, events.Count, spans, Options.PurgeBars, Options.EmbargoBars);
            if (train.Length == 0)
            {
                throw new ArgumentException($"Split {s} (test groups {string.Join(", ", groups)}): purging and embargo leave no training sample.", nameof(events));
            }

            var test = new int[testCount];
            int t = 0;
            foreach (int g in groups)
            {
                for (int i = starts[g]; i < starts[g + 1]; i++)
                {
                    test[t++] = i;
                }
            }

            yield return new Fold(s, train, test, spans);
        }
    }

    private static int[][] Combinations(int n, int k)
    {
        var result = new List<int[]>();
        var current = new int[k];
        for (int i = 0; i < k; i++)
        {
            current[i] = i;
        }

        while (true)
        {
            result.Add((int[])current.Clone());
            int j = k - 1;
            while (j >= 0 && current[j] == n - k + j)
            {
                j--;
            }

            if (j < 0)
            {
                return [.. result];
            }

            current[j]++;
            for (int i = j + 1; i < k; i++)
            {
                current[i] = current[i - 1] + 1;
            }
        }
    }

    private static double Binomial(int n, int k)
    {
        k = Math.Min(k, n - k);
        double c = 1;
        for (int i = 1; i <= k; i++)
        {
            c = c * (n - k + i) / i;
        }

        return Math.Round(c);
    }
}
