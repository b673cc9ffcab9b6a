using System.Diagnostics;
using System.Text;
using Alpha.Boosting.Training;

namespace Alpha.Boosting.LightGbm.Tests;

public sealed class LightGbmTrainerTests
{
    private static readonly Lazy<(float[] X, float[] Binary, float[] Class3, float[] Regression)> s_data = new(() => Synthetic.Make(4_000, 3));

    private static BoosterDataset Train => Synthetic.Dataset(s_data.Value.X[..(3_000 * Synthetic.Columns)], s_data.Value.Binary[..3_000]);

    private static BoosterDataset Validation(float[]? weights = null) =>
        Synthetic.Dataset(s_data.Value.X[(3_000 * Synthetic.Columns)..], s_data.Value.Binary[3_000..], weights);

    [Fact]
    public void Train_SameDataAndParameters_GiveByteIdenticalModelText()
    {
        var parameters = new LightGbmParameters { Threads = 2 };
        var options = new BoosterTrainingOptions { MaxRounds = 80, EarlyStoppingRounds = 10 };

        BoosterTrainingResult first = new LightGbmTrainer().Train(Train, Validation(), parameters, options);
        BoosterTrainingResult second = new LightGbmTrainer().Train(Train, Validation(), parameters, options);

        Assert.True(first.Model.AsSpan().SequenceEqual(second.Model.AsSpan()), "two runs gave different model.txt bytes");
        Assert.StartsWith("tree\n", Encoding.UTF8.GetString(first.Model.AsSpan()), StringComparison.Ordinal);
        Assert.Equal(ModelFormat.LightGbmText, first.Format);
    }

    [Fact]
    public void Train_EarlyStopping_KeepsTheBestRound()
    {
        var options = new BoosterTrainingOptions { MaxRounds = 1_000, EarlyStoppingRounds = 15 };

        BoosterTrainingResult result = new LightGbmTrainer().Train(Train, Validation(), new LightGbmParameters { Threads = 1, LearningRate = 0.3 }, options);

        double[] losses = [.. result.History.Select(h => Assert.Single(h.Scores).Value)];
        Assert.Equal(result.RoundsTrained, losses.Length);
        Assert.True(result.RoundsTrained < 1_000, "early stopping never stopped");
        Assert.Equal(result.BestIteration + 1 + 15, result.RoundsTrained);
        Assert.Equal(losses.Min(), result.BestScore);
        Assert.Equal(Array.IndexOf(losses, losses.Min()), result.BestIteration);
        Assert.All(result.History, h => Assert.Equal(("validation", "binary_logloss"), (h.Scores[0].Set, h.Scores[0].Metric)));
        Assert.Equal(result.BestIteration + 1, result.LoadModel().TreeCount);
    }

    [Fact]
    public void Train_ValidationWeights_WeightTheEarlyStoppingMetric()
    {
        // The metric LightGBM reports is the weighted log loss of the validation rows, recomputed here from the
        // saved model's probabilities: weights change the score that early stopping judges.
        float[] weights = [.. Enumerable.Range(0, 1_000).Select(i => i % 4 == 0 ? 3f : 0.5f)];
        var options = new BoosterTrainingOptions { MaxRounds = 12, EarlyStoppingRounds = null };

        BoosterTrainingResult weighted = new LightGbmTrainer().Train(Train, Validation(weights), new LightGbmParameters { Threads = 1 }, options);
        BoosterTrainingResult plain = new LightGbmTrainer().Train(Train, Validation(), new LightGbmParameters { Threads = 1 }, options);

        BoostedTreeModel model = weighted.LoadModel();
        double loss = 0, total = 0;
        for (int r = 0; r < 1_000; r++)
        {
            double[] row = [.. s_data.Value.X.AsSpan((3_000 + r) * Synthetic.Columns, Synthetic.Columns).ToArray().Select(v => (double)v)];
            double p = Math.Clamp(model.Predict(row), 1e-15, 1 - 1e-15), y = s_data.Value.Binary[3_000 + r];
            loss -= weights[r] * ((y * Math.Log(p)) + ((1 - y) * Math.Log(1 - p)));
            total += weights[r];
        }

        Numeric.AssertClose(loss / total, weighted.History[^1].Scores[0].Value, rel: 1e-6);
        Assert.NotEqual(plain.History[^1].Scores[0].Value, weighted.History[^1].Scores[0].Value);
        Assert.True(weighted.Model.AsSpan().SequenceEqual(plain.Model.AsSpan()), "validation weights must not change the trees");
    }

    [Fact]
    public void Train_Multiclass_AndRegression_EarlyStopOnTheirMetrics()
    {
        (float[] x, _, float[] class3, float[] regression) = s_data.Value;
        var options = new BoosterTrainingOptions { MaxRounds = 200, EarlyStoppingRounds = 10 };
        BoosterDataset Part(float[] y, int from, int to) => Synthetic.Dataset(x[(from * Synthetic.Columns)..(to * Synthetic.Columns)], y[from..to]);

        BoosterTrainingResult multi = new LightGbmTrainer().Train(Part(class3, 0, 3_000), Part(class3, 3_000, 4_000), new LightGbmParameters { Objective = "multiclass", NumClass = 3, Threads = 1 }, options);
        BoosterTrainingResult reg = new LightGbmTrainer().Train(Part(regression, 0, 3_000), Part(regression, 3_000, 4_000), new LightGbmParameters { Objective = "regression", Threads = 1 }, options);

        Assert.Equal("multi_logloss", multi.History[0].Scores[0].Metric);
        Assert.Equal(3, multi.LoadModel().OutputCount);
        Assert.Equal(3 * (multi.BestIteration + 1), multi.LoadModel().TreeCount);
        Assert.Equal("l2", reg.History[0].Scores[0].Metric);
        Assert.Equal(OutputTransform.Identity, reg.LoadModel().Transform);
    }

    [Fact]
    public void Train_AucMetric_IsMaximised()
    {
        BoosterTrainingResult result = new LightGbmTrainer().Train(Train, Validation(), new LightGbmParameters { Threads = 1, EvalMetric = "auc" }, new BoosterTrainingOptions { MaxRounds = 300, EarlyStoppingRounds = 20 });

        double[] aucs = [.. result.History.Select(h => h.Scores[0].Value)];
        Assert.Equal(aucs.Max(), result.BestScore);
    }

    [Fact]
    public void Train_ReportsEveryRound_AndStopsWhenCancelled()
    {
        using var cancel = new CancellationTokenSource();
        var rounds = new List<int>();
        var progress = new SynchronousProgress<BoosterIteration>(i =>
        {
            rounds.Add(i.Iteration);
            if (i.Iteration == 4)
            {
                cancel.Cancel();
            }
        });

        Assert.Throws<OperationCanceledException>(() => new LightGbmTrainer().Train(Train, Validation(), new LightGbmParameters { Threads = 1 }, new BoosterTrainingOptions(), progress, cancel.Token));
        Assert.Equal([0, 1, 2, 3, 4], rounds);
    }

    [Fact]
    public void Train_BadParameter_IsATypedErrorNamingTheCall()
    {
        var parameters = new LightGbmParameters { Threads = 1, Extra = System.Collections.Immutable.ImmutableDictionary<string, string>.Empty.Add("max_bin", "-7") };

        var e = Assert.Throws<LightGbmException>(() => new LightGbmTrainer().Train(Train, null, parameters, new BoosterTrainingOptions { MaxRounds = 3, EarlyStoppingRounds = null }));

        Assert.Equal("LGBM_DatasetCreateFromMat", e.Call);
    }

    [Fact]
    public void Train_RefusesOtherBoostersParametersAndEarlyStoppingWithoutValidation()
    {
        Assert.Contains("xgboost", Assert.Throws<ArgumentException>(() => new LightGbmTrainer().Train(Train, Validation(), new XGBoostParameters(), new BoosterTrainingOptions())).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new LightGbmTrainer().Train(Train, null, new LightGbmParameters(), new BoosterTrainingOptions()));
    }

    [Fact]
    public void Train_CancelledOverAndOver_LeaksNoHandlesOrMemory()
    {
        // 150 trainings cancelled after a few rounds each: native datasets and boosters are freed on that path too.
        var parameters = new LightGbmParameters { Threads = 1 };
        void Cycle(int n)
        {
            for (int i = 0; i < n; i++)
            {
                using var cancel = new CancellationTokenSource();
                var progress = new SynchronousProgress<BoosterIteration>(r =>
                {
                    if (r.Iteration == 2)
                    {
                        cancel.Cancel();
                    }
                });
                Assert.Throws<OperationCanceledException>(() => new LightGbmTrainer().Train(Train, Validation(), parameters, new BoosterTrainingOptions(), progress, cancel.Token));
            }

            GC.Collect();
            GC.WaitForPendingFinalizers();
        }

        Cycle(20);
        long memoryBefore = Process.GetCurrentProcess().PrivateMemorySize64;
        int handlesBefore = Directory.GetFiles("/proc/self/fd").Length;
        Cycle(150);
        long growth = Process.GetCurrentProcess().PrivateMemorySize64 - memoryBefore;
        int handlesAfter = Directory.GetFiles("/proc/self/fd").Length;

        // One leaked training set (4,000 × 6 floats binned) is ~100 KB; 150 leaks would show as well over 15 MB.
        Assert.True(growth < 15 * 1024 * 1024, $"private memory grew by {growth / 1024} KB over 150 cancelled trainings");
        Assert.InRange(handlesAfter, 0, handlesBefore + 8);
    }
}
