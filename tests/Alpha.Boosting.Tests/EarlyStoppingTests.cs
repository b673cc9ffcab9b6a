using Alpha.Boosting.Training;

namespace Alpha.Boosting.Tests;

public sealed class EarlyStoppingTests
{
    [Fact]
    public void Observe_Loss_KeepsTheLowestAndStopsAfterPatienceRoundsWithoutImprovement()
    {
        var stopping = new EarlyStopping("logloss", patience: 2);
        double[] losses = [0.7, 0.6, 0.6, 0.65, 0.5, 0.55, 0.52];
        int stoppedAt = -1;
        for (int round = 0; round < losses.Length && stoppedAt < 0; round++)
        {
            if (stopping.Observe(round, losses[round]))
            {
                stoppedAt = round;
            }
        }

        // 0.6 at round 2 ties round 1 (not better); round 3 is the second round without improvement.
        Assert.Equal(3, stoppedAt);
        Assert.Equal(1, stopping.BestRound);
        Assert.Equal(0.6, stopping.BestScore);
        Assert.False(stopping.Maximise);
    }

    [Theory]
    [InlineData("auc", true)]
    [InlineData("aucpr", true)]
    [InlineData("average_precision", true)]
    [InlineData("map@5", true)]
    [InlineData("ndcg", true)]
    [InlineData("pre@3", true)]
    [InlineData("binary_logloss", false)]
    [InlineData("multi_logloss", false)]
    [InlineData("l2", false)]
    [InlineData("error", false)]
    public void IsMaximised_KnowsWhichMetricsGrowWithQuality(string metric, bool maximised) =>
        Assert.Equal(maximised, EarlyStopping.IsMaximised(metric));

    [Fact]
    public void Observe_Auc_KeepsTheHighest_AndWithoutPatienceNeverStops()
    {
        var stopping = new EarlyStopping("auc", patience: null);
        double[] aucs = [0.6, 0.7, 0.65, 0.64, 0.63, 0.62, 0.61];

        bool stopped = false;
        for (int round = 0; round < aucs.Length; round++)
        {
            stopped |= stopping.Observe(round, aucs[round]);
        }

        Assert.False(stopped);
        Assert.Equal(1, stopping.BestRound);
        Assert.Equal(0.7, stopping.BestScore);
    }

    [Fact]
    public void NonPositivePatience_IsRefused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new EarlyStopping("auc", 0));
}
