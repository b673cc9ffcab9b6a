using System.Globalization;
using System.Text;
using System.Text.Json;
using Alpha.Boosting;
using Alpha.Boosting.LightGbm;
using Alpha.Boosting.XGBoost;
using Alpha.Registry;

namespace Alpha.Training.Tests;

/// <summary>
/// Seed 001's direction model on the synthetic pair: deterministic, its metrics recomputed here from the out-of-fold
/// probabilities it stores, its model a 3-class LightGBM booster, and refused without a LightGBM trainer.
/// </summary>
public sealed class DirectionFlowTests(FlowFixture flow) : IClassFixture<FlowFixture>
{
    private static readonly Lazy<(DirectionResult First, DirectionResult Second)> s_runs = new(() => (Run(), Run()));

    private static DirectionResult Run()
    {
        (Alpha.MarketData.BarSeries a, Alpha.MarketData.BarSeries b) = SyntheticPair.Generate(FlowFixture.Options);
        return new DirectionFlow(FlowFixture.Policy("xgboost"), [new XGBoostTrainer(), new LightGbmTrainer()]).Run(PairDataset.FromSeries(a, b));
    }

    [Fact]
    public void TwoRuns_GiveByteIdenticalVersions()
    {
        (DirectionResult first, DirectionResult second) = s_runs.Value;

        Assert.Equal(first.Artifacts.Keys, second.Artifacts.Keys);
        Assert.All(first.Artifacts, f => Assert.True(f.Value.AsSpan().SequenceEqual(second.Artifacts[f.Key].AsSpan()), $"{f.Key} differs"));
        Assert.Equal(
            [ModelFiles.CodeHash, ModelFiles.DataQuality, ModelFiles.DirectionModel, ModelFiles.DirectionParams, ModelFiles.FeatureSchema, ModelFiles.Metrics, ModelFiles.DirectionOutOfFold, ModelFiles.Seed],
            first.Artifacts.Keys);
    }

    [Fact]
    public void TheMetrics_AreTheStoredOutOfFoldProbabilities_AgainstTheClassFrequencyBaseline()
    {
        DirectionResult result = s_runs.Value.First;
        string[] rows = [.. Encoding.UTF8.GetString(result.Artifacts[ModelFiles.DirectionOutOfFold].AsSpan()).Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1)];
        string[] names = ["down", "range", "up"];
        int[] labels = [.. rows.Select(r => Array.IndexOf(names, r.Split(',')[1]))];
        double[][] p = [.. rows.Select(r => r.Split(',')[2..].Select(x => double.Parse(x, CultureInfo.InvariantCulture)).ToArray())];

        DirectionMetrics m = result.Metrics;
        Assert.Equal(rows.Length, m.Samples);
        Assert.All(p, row => Assert.Equal(1.0, row.Sum(), 12));
        Assert.Equal(labels.Select((y, i) => -Math.Log(p[i][y])).Average(), m.LogLoss, 12);
        double[] shares = [.. Enumerable.Range(0, 3).Select(c => labels.Count(y => y == c) / (double)labels.Length)];
        Assert.Equal(-shares.Sum(s => s * Math.Log(s)), m.BaselineLogLoss, 12);
        Assert.Equal(labels.Select((y, i) => Array.IndexOf(p[i], p[i].Max()) == y ? 1.0 : 0.0).Average(), m.Accuracy, 12);
        Assert.Equal(shares.Max(), m.BaselineAccuracy, 12);
        Assert.Equal(m.Samples, m.ConfusionMatrix.Sum(r => r.Sum()));
        Assert.Equal(m.ClassCounts, m.ConfusionMatrix.Select(r => r.Sum()));
        Assert.All(m.Auc, auc => Assert.InRange(auc, 0, 1));

        using JsonDocument metrics = JsonDocument.Parse(result.Artifacts[ModelFiles.Metrics].AsMemory());
        Assert.Equal(DirectionParameters.KindName, metrics.RootElement.GetProperty("kind").GetString());
        Assert.Equal(m.LogLoss, metrics.RootElement.GetProperty("log_loss").GetDouble());
        Assert.Equal("multiclass", metrics.RootElement.GetProperty("booster").GetProperty("objective").GetString());
    }

    [Fact]
    public void TheModel_IsAThreeClassLightGbmBooster_TrainedForTheMedianRounds()
    {
        DirectionResult result = s_runs.Value.First;

        BoostedTreeModel model = BoostedTreeModel.Load(result.Artifacts[ModelFiles.DirectionModel].AsSpan(), Alpha.Boosting.Training.ModelFormat.LightGbmText);
        Span<double> output = stackalloc double[3];
        model.Predict(new double[model.FeatureCount], output);

        Assert.Equal(3, model.OutputCount);
        Assert.Equal(1.0, output[0] + output[1] + output[2], 12);
        Assert.Contains($"rounds: {result.Rounds}\n", Encoding.UTF8.GetString(result.Artifacts[ModelFiles.DirectionParams].AsSpan()), StringComparison.Ordinal);
    }

    [Fact]
    public void WithoutALightGbmTrainer_TheFlowIsRefused() =>
        Assert.Contains("lightgbm", Assert.Throws<ArgumentException>(() => new DirectionFlow(TrainingPolicy.Default, [new XGBoostTrainer()])).Message, StringComparison.Ordinal);

    [Fact]
    public void AThresholdNoMoveReaches_IsATrainingDataError_NamingTheClasses() =>
        Assert.Contains("0 up", Assert.Throws<TrainingDataException>(() =>
            new DirectionFlow(TrainingPolicy.Default with { Direction = new Alpha.Labeling.SpreadDirectionOptions { Threshold = 1000 } }, [new LightGbmTrainer()])
                .Run(PairDataset.FromSeries(flow.A, flow.B))).Message, StringComparison.Ordinal);
}
