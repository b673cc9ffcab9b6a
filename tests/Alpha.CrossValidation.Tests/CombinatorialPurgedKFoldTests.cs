using Alpha.CrossValidation;

namespace Alpha.CrossValidation.Tests;

/// <summary>Vectors from skfolio's CombinatorialPurgedCV tests and documentation (12 point samples).</summary>
public sealed class CombinatorialPurgedKFoldTests
{
    private static readonly LabelEvents s_twelve = LabelEvents.EveryBar(BarAxis.OfLength(12));

    private static CombinatorialPurgedKFold Cpcv(int groups, int testGroups, int purge = 0, int embargo = 0) =>
        new(new CombinatorialPurgedKFoldOptions { Groups = groups, TestGroups = testGroups, PurgeBars = purge, EmbargoBars = embargo, MinBlockBars = 1 });

    [Fact]
    public void Split_3Choose2_TrainsOnTheRemainingGroup()
    {
        var folds = Cpcv(3, 2).Split(s_twelve).ToList();

        Assert.Equal(new[] { 8, 9, 10, 11 }, folds[0].Train);
        Assert.Equal(new[] { 4, 5, 6, 7 }, folds[1].Train);
        Assert.Equal(new[] { 0, 1, 2, 3 }, folds[2].Train);
        Assert.Equal(Enumerable.Range(0, 8), folds[0].Test);
    }

    [Fact]
    public void Split_3Choose2WithPurge1_MatchesSkfolioPurgedSize()
    {
        var folds = Cpcv(3, 2, purge: 1).Split(s_twelve).ToList();

        Assert.Equal(new[] { 9, 10, 11 }, folds[0].Train);
        Assert.Equal(new[] { 5, 6 }, folds[1].Train);
        Assert.Equal(new[] { 0, 1, 2 }, folds[2].Train);
    }

    [Fact]
    public void Split_3Choose2WithEmbargo1_MatchesSkfolioEmbargoSize()
    {
        var folds = Cpcv(3, 2, embargo: 1).Split(s_twelve).ToList();

        Assert.Equal(new[] { 9, 10, 11 }, folds[0].Train);
        Assert.Equal(new[] { 5, 6, 7 }, folds[1].Train);
        Assert.Equal(new[] { 0, 1, 2, 3 }, folds[2].Train);
    }

    [Fact]
    public void PathIds_5Choose2_MatchSkfolio()
    {
        var cpcv = Cpcv(5, 2);
        int[][] expected = [[0, 0], [1, 0], [2, 0], [3, 0], [1, 1], [2, 1], [3, 1], [2, 2], [3, 2], [3, 3]];

        Assert.Equal(10, cpcv.SplitCount);
        Assert.Equal(4, cpcv.PathCount);
        for (int s = 0; s < expected.Length; s++)
        {
            Assert.Equal(expected[s], cpcv.PathIdsOf(s));
        }
    }

    [Fact]
    public void SplitOf_5Choose2_MatchesSkfolioRecombinedPaths()
    {
        var cpcv = Cpcv(5, 2);
        int[][] recombined = [[0, 1, 2, 3], [0, 4, 5, 6], [1, 4, 7, 8], [2, 5, 7, 9], [3, 6, 8, 9]];

        for (int g = 0; g < 5; g++)
        {
            for (int p = 0; p < 4; p++)
            {
                Assert.Equal(recombined[g][p], cpcv.SplitOf(g, p));
            }
        }
    }

    [Fact]
    public void Paths_CoverEveryGroupOnceWithTheSplitThatTestsIt()
    {
        var events = LabelEvents.EveryBar(BarAxis.OfLength(20));
        var cpcv = Cpcv(5, 2);
        var folds = cpcv.Split(events).ToList();

        foreach (BacktestPath path in cpcv.Paths(events))
        {
            Assert.Equal(Enumerable.Range(0, 5), path.Segments.Select(s => s.Group));
            Assert.Equal(20, path.Segments.Sum(s => s.SampleCount));
            foreach (PathSegment segment in path.Segments)
            {
                Assert.Contains(segment.FirstSample, folds[segment.Split].Test);
                Assert.Contains(segment.Group, cpcv.TestGroupsOf(segment.Split));
            }
        }
    }

    [Fact]
    public void TestGroupsOf_AreLexicographicCombinations()
    {
        var cpcv = Cpcv(4, 2);
        int[][] expected = [[0, 1], [0, 2], [0, 3], [1, 2], [1, 3], [2, 3]];

        Assert.Equal(expected.Length, cpcv.SplitCount);
        for (int s = 0; s < expected.Length; s++)
        {
            Assert.Equal(expected[s], cpcv.TestGroupsOf(s));
        }
    }

    // skfolio's test_optimal_folds_number vectors: (n_observations, target_n_test_paths, target_train_size) → (N, k).
    [Theory]
    [InlineData(10, 10, 1, 10, 9)]
    [InlineData(10, 2, 100, 3, 2)]
    [InlineData(10, 2, 5, 3, 2)]
    [InlineData(100, 20, 10, 21, 20)]
    [InlineData(100, 5, 30, 6, 5)]
    [InlineData(1000, 300, 50, 26, 24)]
    public void ChooseGroups_MatchesSkfolio(int samples, int targetPaths, int targetTrain, int groups, int testGroups) =>
        Assert.Equal((groups, testGroups), CombinatorialPurgedKFold.ChooseGroups(samples, targetTrain, targetPaths));

    // skfolio's test_optimal_folds_number_weight.
    [Fact]
    public void ChooseGroups_TrainSizeWeight_MatchesSkfolio()
    {
        Assert.Equal((51, 50), CombinatorialPurgedKFold.ChooseGroups(5000, 250, 50));
        Assert.Equal((20, 19), CombinatorialPurgedKFold.ChooseGroups(5000, 250, 50, trainSizeWeight: 2));
    }

    [Theory]
    [InlineData(60, 7, 40)]
    [InlineData(250, 15, 200)]
    [InlineData(400, 3, 90)]
    public void ChooseGroups_PruningAgreesWithTheExhaustiveSearch(int samples, int targetPaths, int targetTrain) =>
        Assert.Equal(FullSearch(samples, targetTrain, targetPaths), CombinatorialPurgedKFold.ChooseGroups(samples, targetTrain, targetPaths));

    [Fact]
    public void Constructor_TooManySplits_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Cpcv(50, 25));

    [Fact]
    public void Constructor_TestGroupsNotBelowGroups_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Cpcv(4, 4));

    // The exhaustive search skfolio's own tests compare against, without any pruning.
    private static (int, int) FullSearch(int n, int targetTrain, int targetPaths)
    {
        double best = double.PositiveInfinity;
        (int, int) arg = (0, 0);
        for (int x = 3; x <= n; x++)
        {
            for (int y = 2; y < x; y++)
            {
                double paths = Choose(x - 1, y - 1);
                double cost = (Math.Abs(paths - targetPaths) / targetPaths) + (Math.Abs(((double)n / x * (x - y)) - targetTrain) / targetTrain);
                if (cost < best)
                {
                    best = cost;
                    arg = (x, y);
                }
            }
        }

        return arg;
    }

    private static double Choose(int n, int k)
    {
        double c = 1;
        for (int i = 1; i <= k; i++)
        {
            c = c * (n - k + i) / i;
        }

        return Math.Round(c);
    }
}
