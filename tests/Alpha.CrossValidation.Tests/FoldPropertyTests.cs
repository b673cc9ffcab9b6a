using FsCheck;
using Alpha.CrossValidation;
using FsCheck.Xunit;
using FsCheck.Fluent;

namespace Alpha.CrossValidation.Tests;

/// <summary>The no-leak guarantee and the structural invariants of every splitter, over random interval sets.</summary>
public sealed class FoldPropertyTests
{
    // Cases the splitter refuses (an empty group, no training left) prove nothing here: they are discarded, and more
    // than a third of MaxTest discarded exhausts the property, so a generator drifting towards refused settings makes
    // it fail instead of passing vacuously.
    private const int Cases = 200;
    private const int MaxRefused = Cases / 3;

    [Property(Replay = PropertySeed.Replay, MaxTest = Cases, MaxRejected = MaxRefused)]
    public Property PurgedKFold_NeverLeaks_TestsEverySampleOnce() =>
        Prop.ForAll(RandomEvents.Cases(), (RandomEvents.Case c) =>
        {
            var options = new PurgedKFoldOptions { Folds = c.Groups, PurgeBars = c.Purge, EmbargoBars = c.Embargo, MinBlockBars = 1 };
            List<Fold> folds;
            try
            {
                folds = new PurgedKFold(options).Split(c.Events).ToList();
            }
            catch (ArgumentException)
            {
                return Refused;
            }

            var timesTested = new int[c.Events.Count];
            foreach (Fold fold in folds)
            {
                AssertWellFormed(c.Events, fold);
                AssertNoTrainIntervalMeetsWidenedTestIntervals(c.Events, fold, c.Purge);
                foreach (int i in fold.Test)
                {
                    timesTested[i]++;
                }
            }

            Assert.All(timesTested, n => Assert.Equal(1, n));
            Assert.True(LeakageReport.Create(c.Events, folds, c.Purge, c.Embargo).IsLeakFree);
            return true.ToProperty();
        });

    [Property(Replay = PropertySeed.Replay, MaxTest = Cases, MaxRejected = MaxRefused)]
    public Property CombinatorialPurgedKFold_NeverLeaks_TestsEachGroupInChooseNMinus1KMinus1Splits() =>
        Prop.ForAll(RandomEvents.Cases(), (RandomEvents.Case c) =>
        {
            var cpcv = new CombinatorialPurgedKFold(new CombinatorialPurgedKFoldOptions
            {
                Groups = c.Groups, TestGroups = c.TestGroups, PurgeBars = c.Purge, EmbargoBars = c.Embargo, MinBlockBars = 1,
            });
            List<Fold> folds;
            try
            {
                folds = cpcv.Split(c.Events).ToList();
            }
            catch (ArgumentException)
            {
                return Refused;
            }

            Assert.Equal(cpcv.SplitCount, folds.Count);
            var groupTests = new int[c.Groups];
            for (int s = 0; s < folds.Count; s++)
            {
                AssertWellFormed(c.Events, folds[s]);
                AssertNoTrainIntervalMeetsWidenedTestIntervals(c.Events, folds[s], c.Purge);
                foreach (int g in cpcv.TestGroupsOf(s))
                {
                    groupTests[g]++;
                }
            }

            Assert.All(groupTests, n => Assert.Equal(cpcv.PathCount, n));
            Assert.True(LeakageReport.Create(c.Events, folds, c.Purge, c.Embargo).IsLeakFree);
            return true.ToProperty();
        });

    [Property(Replay = PropertySeed.Replay, MaxTest = Cases, MaxRejected = MaxRefused)]
    public Property WalkForward_NeverLeaks_TrainsOnlyOnThePast() =>
        Prop.ForAll(RandomEvents.Cases(), (RandomEvents.Case c) =>
        {
            int testSize = Math.Max(1, c.Events.Count / 8);
            var options = new WalkForwardOptions
            {
                TrainSize = Math.Max(1, c.Events.Count / 3), TestSize = testSize, Expanding = c.Groups % 2 == 0,
                Gap = c.TestGroups - 1, PurgeBars = c.Purge, EmbargoBars = c.Embargo,
            };
            List<Fold> folds;
            try
            {
                folds = new WalkForward(options).Split(c.Events).ToList();
            }
            catch (ArgumentException)
            {
                return Refused;
            }

            foreach (Fold fold in folds)
            {
                AssertWellFormed(c.Events, fold);
                AssertNoTrainIntervalMeetsWidenedTestIntervals(c.Events, fold, c.Purge);
                Assert.True(fold.Train[^1] < fold.Test[0]);
            }

            Assert.True(LeakageReport.Create(c.Events, folds, c.Purge, c.Embargo).IsLeakFree);
            return true.ToProperty();
        });

    private static Property Refused => true.When(false);

    private static void AssertWellFormed(LabelEvents events, Fold fold)
    {
        Assert.NotEmpty(fold.Train);
        Assert.NotEmpty(fold.Test);
        AssertStrictlyAscendingWithin(fold.Train, events.Count);
        AssertStrictlyAscendingWithin(fold.Test, events.Count);
        Assert.Empty(fold.Train.Intersect(fold.Test));
    }

    private static void AssertStrictlyAscendingWithin(IReadOnlyList<int> indices, int count)
    {
        for (int j = 0; j < indices.Count; j++)
        {
            Assert.InRange(indices[j], 0, count - 1);
            if (j > 0)
            {
                Assert.True(indices[j] > indices[j - 1], $"indices not strictly ascending at {j}");
            }
        }
    }

    // Checked sample against sample, independently of the span arithmetic in the library: a training interval
    // must not meet any test interval widened by the purge (the test block's span contains all of them).
    private static void AssertNoTrainIntervalMeetsWidenedTestIntervals(LabelEvents events, Fold fold, int purge)
    {
        foreach (int tr in fold.Train)
        {
            foreach (int te in fold.Test)
            {
                bool meets = events.T0[tr] <= events.T1[te] + purge && events.T1[tr] >= events.T0[te] - purge;
                Assert.False(meets, $"train sample {tr} [{events.T0[tr]}, {events.T1[tr]}] meets test sample {te} [{events.T0[te]}, {events.T1[te]}] widened by {purge}");
            }
        }
    }
}
