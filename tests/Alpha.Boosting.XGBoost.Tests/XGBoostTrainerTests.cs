using Alpha.Boosting.Training;
using Alpha.Boosting.XGBoost;

namespace Alpha.Boosting.XGBoost.Tests;

public sealed class XGBoostTrainerTests
{
    public static TheoryData<string, string, int?> Objectives() => new()
    {
        { "binary", "binary:logistic", null },
        { "binary", "binary:logitraw", null },
        { "regression", "reg:squarederror", null },
        { "poisson", "count:poisson", null },
        { "multiclass", "multi:softprob", 4 },
        { "multiclass", "multi:softmax", 4 },
    };

    [XGBoostFact]
    public void NativeVersion_Is1x()
    {
        NativeMethods.XGBoostVersion(out int major, out int minor, out _);
        Assert.Equal(1, major);
        Assert.True(minor >= 7, $"XGBoost 1.{minor}");
    }

    [XGBoostTheory]
    [MemberData(nameof(Objectives))]
    public void ManagedPredictions_EqualNativePredict(string kind, string objective, int? classes)
    {
        var (train, valid, rows) = TrainingData.Create(kind);
        BoosterTrainingResult result = XGBoostTrainer.Train(train, new XGBoostParameters { Objective = objective, NumClass = classes, Eta = 0.3, Threads = 1 }, new BoosterTrainingOptions { MaxRounds = 40, EarlyStoppingRounds = null });
        BoostedTreeModel managed = result.LoadModel();
        using var native = XGBoostNativeModel.Load(result.Model.AsSpan());

        float[] nativeMargins = native.Predict(rows, TrainingData.Columns, margin: true);
        float[] nativeOutputs = native.Predict(rows, TrainingData.Columns);
        int n = rows.Length / TrainingData.Columns;
        int perRow = nativeOutputs.Length / n;
        var margins = new double[managed.OutputCount];
        var outputs = new double[managed.OutputCount];
        for (int r = 0; r < n; r++)
        {
            double[] row = [.. rows.AsSpan(r * TrainingData.Columns, TrainingData.Columns).ToArray().Select(v => (double)v)];
            managed.PredictRaw(row, margins);
            managed.Predict(row, outputs);
            for (int c = 0; c < managed.OutputCount; c++)
            {
                Numeric.AssertClose(nativeMargins[(r * managed.OutputCount) + c], margins[c], rel: 1e-6, abs: 1e-6, what: $"{objective} margin row {r}");
            }

            for (int c = 0; c < perRow; c++)
            {
                Numeric.AssertClose(nativeOutputs[(r * perRow) + c], outputs[c], rel: 1e-6, abs: 1e-6, what: $"{objective} output row {r}");
            }
        }
    }

    [XGBoostFact]
    public void SameDataParametersAndSeed_GiveByteIdenticalModels()
    {
        var (train, valid, _) = TrainingData.Create("binary");
        BoosterTrainingResult Run() => XGBoostTrainer.Train(train, new XGBoostParameters { Threads = 2 }, new BoosterTrainingOptions { MaxRounds = 120 }, [new("valid", valid)]);

        Assert.Equal(Run().Model.ToArray(), Run().Model.ToArray());
        Assert.NotEqual(Run().Model.ToArray(), XGBoostTrainer.Train(train, new XGBoostParameters { Threads = 2, Seed = 7 }, new BoosterTrainingOptions { MaxRounds = 120 }, [new("valid", valid)]).Model.ToArray());
    }

    [XGBoostFact]
    public void EarlyStopping_KeepsTheBestRound()
    {
        var (train, valid, _) = TrainingData.Create("binary");
        BoosterTrainingResult result = XGBoostTrainer.Train(train, new XGBoostParameters { Eta = 0.5, Threads = 1 }, new BoosterTrainingOptions { MaxRounds = 500, EarlyStoppingRounds = 10 }, [new("train", train), new("valid", valid)]);

        double[] validLoss = [.. result.History.Select(h => h.Scores.Single(s => s.Set == "valid").Value)];
        Assert.True(result.RoundsTrained < 500, "should stop early at eta 0.5");
        Assert.Equal(result.RoundsTrained - 1 - 10, result.BestIteration);
        Assert.Equal(validLoss.Min(), result.BestScore);
        Assert.Equal(Array.IndexOf(validLoss, validLoss.Min()), result.BestIteration);
        Assert.Equal(result.BestIteration + 1, result.LoadModel().TreeCount);
        Assert.All(result.History, h => Assert.Equal(new[] { "train", "valid" }, h.Scores.Select(s => s.Set)));
        Assert.All(result.History, h => Assert.Equal("logloss", h.Scores[0].Metric));
    }

    [XGBoostFact]
    public void EarlyStopping_MaximisesAuc()
    {
        var (train, valid, _) = TrainingData.Create("binary");
        BoosterTrainingResult result = XGBoostTrainer.Train(train, new XGBoostParameters { Eta = 0.5, Threads = 1, EvalMetric = "auc" }, new BoosterTrainingOptions { MaxRounds = 300, EarlyStoppingRounds = 15 }, [new("valid", valid)]);
        Assert.Equal(result.History.Max(h => h.Scores[0].Value), result.BestScore);
    }

    [XGBoostFact]
    public void Progress_ReportsEveryRound_AndCancellationStopsBetweenRounds()
    {
        var (train, valid, _) = TrainingData.Create("binary");
        using var cancel = new CancellationTokenSource();
        var seen = new List<int>();
        var progress = new SynchronousProgress<BoosterIteration>(i =>
        {
            seen.Add(i.Iteration);
            if (i.Iteration == 4)
            {
                cancel.Cancel();
            }
        });

        Assert.Throws<OperationCanceledException>(() => XGBoostTrainer.Train(train, new XGBoostParameters { Threads = 1 }, new BoosterTrainingOptions { MaxRounds = 100 }, [new("valid", valid)], progress, cancel.Token));
        Assert.Equal(new[] { 0, 1, 2, 3, 4 }, seen);
    }

    [XGBoostFact]
    public void WeightsAndBaseMargin_ReachTheBooster()
    {
        var (train, _, rows) = TrainingData.Create("binary", rows: 400);
        int n = train.Rows;
        var weighted = XGBoostDataset.Create(train.Features, train.Columns, train.Labels, weights: [.. Enumerable.Range(0, n).Select(i => i % 2 == 0 ? 5f : 0.2f)]);
        var margined = XGBoostDataset.Create(train.Features, train.Columns, train.Labels, baseMargin: [.. Enumerable.Repeat(2f, n)]);
        var options = new BoosterTrainingOptions { MaxRounds = 10, EarlyStoppingRounds = null };

        byte[] plain = [.. XGBoostTrainer.Train(train, new XGBoostParameters { Threads = 1 }, options).Model];
        Assert.NotEqual(plain, XGBoostTrainer.Train(weighted, new XGBoostParameters { Threads = 1 }, options).Model.ToArray());
        Assert.NotEqual(plain, XGBoostTrainer.Train(margined, new XGBoostParameters { Threads = 1 }, options).Model.ToArray());
    }

    [XGBoostFact]
    public void UnknownObjective_SurfacesXGBoostsMessage()
    {
        var (train, _, _) = TrainingData.Create("binary", rows: 100);
        var error = Assert.Throws<XGBoostException>(() => XGBoostTrainer.Train(train, new XGBoostParameters { Objective = "binary:nonsense" }, new BoosterTrainingOptions { MaxRounds = 1, EarlyStoppingRounds = null }));
        Assert.Contains("binary:nonsense", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EarlyStoppingWithoutEvaluationSet_IsRefused()
    {
        var (train, _, _) = TrainingData.Create("binary", rows: 100);
        Assert.Throws<ArgumentException>(() => XGBoostTrainer.Train(train));
    }

    [Fact]
    public void Dataset_InfiniteFeature_NamesRowAndColumn() =>
        Assert.Contains("row 1, column 0", Assert.Throws<ArgumentException>(() => XGBoostDataset.Create([1f, 2f, float.PositiveInfinity, 3f], 2, [0f, 1f])).Message, StringComparison.Ordinal);

    [Fact]
    public void Dataset_NaNLabel_IsRejected() =>
        Assert.Throws<ArgumentException>(() => XGBoostDataset.Create([1f, 2f], 1, [0f, float.NaN]));

    [Fact]
    public void EvaluationOutput_IsParsed()
    {
        var scores = XGBoostTrainer.Parse("[3]\ttrain-logloss:0.25\tvalid-auc:0.875");
        Assert.Equal(new[] { new EvaluationScore("train", "logloss", 0.25), new EvaluationScore("valid", "auc", 0.875) }, scores);
    }
}
