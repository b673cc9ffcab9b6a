using System.Text.Json;
using Alpha.Boosting.LightGbm;
using Alpha.Boosting.XGBoost;
using Alpha.CrossValidation;
using Alpha.MarketData;
using Alpha.Optimization;
using Alpha.Registry;

namespace Alpha.Training.Tests;

/// <summary>
/// The hyper-parameter search stage on the synthetic pair: reproducible to the byte, recorded in metrics.json, the folds
/// then train with the best trial's values — and it never reads a test fold: perturbing the last fold's test span
/// changes no trial's score on that fold (while the other folds, which train on that span, do see it).
/// </summary>
public sealed class HyperparameterSearchTests(FlowFixture flow) : IClassFixture<FlowFixture>
{
    private static HyperparameterSearchOptions Search(int trials, int startup) =>
        new() { Enabled = true, MaxTrials = trials, StartupTrials = startup, Patience = trials };

    [XGBoostFact]
    public void TheSearch_IsReproducible_RecordedInMetrics_AndItsBestParametersTrainTheFolds()
    {
        TrainingPolicy policy = TrainingPolicy.Default with { HyperparameterSearch = Search(trials: 6, startup: 3) };

        RetrainResult first = Run(policy, flow.A, flow.B), second = Run(policy, flow.A, flow.B);

        Assert.Equal(first.Artifacts.Keys, second.Artifacts.Keys);
        Assert.All(first.Artifacts, file => Assert.True(file.Value.AsSpan().SequenceEqual(second.Artifacts[file.Key].AsSpan()), $"{file.Key} differs between two runs"));
        Assert.Equal(["ai1", "ai2"], first.HyperparameterSearches.Select(s => s.Model));
        Assert.Equal([RetrainStage.Labels, RetrainStage.HyperparameterSearch, RetrainStage.CrossValidation], first.StageTimes.Select(t => t.Key).Skip(2).Take(3));
        foreach (HyperparameterSearchResult search in first.HyperparameterSearches)
        {
            Assert.Equal(6, search.Study.Trials.Length);
            TrialRecord best = search.Study.Best!;
            Assert.All(search.Study.Trials.Where(t => t.IsFeasible), t => Assert.True(best.Value <= t.Value));
            Assert.All(search.Study.Trials, t => Assert.Equal(t.Value!.Value, Enumerable.Range(0, 5).Average(k => t.Attributes[$"fold_{k}"]), 12));
            var chosen = Assert.IsType<Alpha.Boosting.Training.XGBoostParameters>(search.Parameters);
            Assert.Equal((best.Parameters["learning_rate"], (int)best.Parameters["max_depth"], best.Parameters["l2"]), (chosen.Eta, chosen.MaxDepth, chosen.Lambda));
        }

        using JsonDocument metrics = JsonDocument.Parse(first.Artifacts[ModelFiles.Metrics].AsMemory());
        JsonElement recorded = metrics.RootElement.GetProperty("hyperparameter_search");
        Assert.Equal(6, recorded.GetProperty("ai1").GetProperty("trials").GetArrayLength());
        Assert.Equal(first.HyperparameterSearches[1].Study.Best!.Value, recorded.GetProperty("ai2").GetProperty("best_log_loss").GetDouble());
        Assert.Equal(5, recorded.GetProperty("ai1").GetProperty("trials")[0].GetProperty("fold_log_loss").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, JsonDocument.Parse(flow.Result.Artifacts[ModelFiles.Metrics].AsMemory()).RootElement.GetProperty("hyperparameter_search").ValueKind);
        Assert.Empty(flow.Result.HyperparameterSearches);
        Assert.False(first.Folds[0].Ai1Model.AsSpan().SequenceEqual(flow.Result.Folds[0].Ai1Model.AsSpan()));      // the folds trained with other parameters
    }

    [XGBoostFact]
    public void PerturbingTheLastFoldsTestSpan_ChangesNoTrialScoreOnThatFold()
    {
        // Random trials only (start-up = budget): their parameters do not depend on earlier scores, so both runs try the same points.
        TrainingPolicy policy = TrainingPolicy.Default with { HyperparameterSearch = Search(trials: 4, startup: 4) };
        RetrainResult original = Run(policy, flow.A, flow.B);
        FoldReport last = original.Folds[^1];
        AlignedPair pair = PairAligner.Align(flow.A, flow.B, policy.Alignment);
        TestSpan span = Assert.Single(last.TestSpans);
        (DateTime from, DateTime to) = (pair.Time[span.Start], pair.Time[span.End - 1]);

        RetrainResult perturbed = Run(policy, Perturb(flow.A, from, to), Perturb(flow.B, from, to));

        int k = last.Index;
        for (int model = 0; model < 2; model++)
        {
            TrialRecord[] before = [.. original.HyperparameterSearches[model].Study.Trials], after = [.. perturbed.HyperparameterSearches[model].Study.Trials];
            Assert.Equal(before.Select(t => t.Parameters.OrderBy(p => p.Key).ToArray()), after.Select(t => t.Parameters.OrderBy(p => p.Key).ToArray()));
            Assert.Equal(before.Select(t => t.Attributes[$"fold_{k}"]), after.Select(t => t.Attributes[$"fold_{k}"]));
            Assert.NotEqual(before.Select(t => t.Attributes["fold_0"]), after.Select(t => t.Attributes["fold_0"]));      // fold 0 trains on that span: it sees the change
        }
    }

    [Fact]
    public void WithLightGbm_TheSearchTunesLeavesAndMinDataInLeaf()
    {
        // The synthetic pair's folds hold a few hundred AI1 samples: leaves of up to 100 of them cannot split, so the range is narrower here.
        TrainingPolicy policy = FlowFixture.Policy("lightgbm") with { HyperparameterSearch = Search(trials: 3, startup: 3) with { MinDataInLeaf = (5, 20), NumLeaves = (4, 15) } };

        RetrainResult result = Run(policy, flow.A, flow.B);

        foreach (HyperparameterSearchResult search in result.HyperparameterSearches)
        {
            Assert.True(search.Study.Best is not null, string.Join(" | ", search.Study.Trials.Select(t => t.Message)));
            TrialRecord best = search.Study.Best!;
            var chosen = Assert.IsType<Alpha.Boosting.Training.LightGbmParameters>(search.Parameters);
            Assert.Equal(
                (best.Parameters["learning_rate"], (int)best.Parameters["num_leaves"], (int)best.Parameters["min_data_in_leaf"], best.Parameters["feature_fraction"], best.Parameters["l2"]),
                (chosen.LearningRate, chosen.NumLeaves, chosen.MinDataInLeaf, chosen.FeatureFraction, chosen.LambdaL2));
            Assert.DoesNotContain("min_child_weight", best.Parameters.Keys);
            Assert.InRange(chosen.NumLeaves, 4, 15);
        }
    }

    [Fact]
    public void BadOptions_AreRefused_NamingTheOption()
    {
        Assert.Equal("MaxTrials", Assert.Throws<ArgumentException>(() => (Search(0, 1)).Validate()).ParamName);
        Assert.Equal("LearningRate", Assert.Throws<ArgumentException>(() => (Search(5, 1) with { LearningRate = (0.3, 0.01) }).Validate()).ParamName);
        Assert.Equal("MaxDepth", Assert.Throws<ArgumentException>(() => (Search(5, 1) with { MaxDepth = (0, 4) }).Validate()).ParamName);
        Assert.Equal("L2", Assert.Throws<ArgumentException>(() => (Search(5, 1) with { L2 = (0, 1) }).Validate()).ParamName);
    }

    private static RetrainResult Run(TrainingPolicy policy, BarSeries a, BarSeries b) =>
        new RetrainFlow(policy, [new XGBoostTrainer(), new LightGbmTrainer()]).Run(PairDataset.FromSeries(a, b));

    // Every price of the bars in [from, to] scaled by a factor within ±0.3 % (high ≥ open, close ≥ low kept).
    private static BarSeries Perturb(BarSeries series, DateTime from, DateTime to) =>
        BarSeries.FromBars(series.Symbol, Enumerable.Range(0, series.Count).Select(i =>
        {
            Bar bar = series[i];
            double f = bar.Time >= from && bar.Time <= to ? 1 + (0.003 * Math.Sin(i)) : 1;
            return bar with { Open = bar.Open * f, High = bar.High * f, Low = bar.Low * f, Close = bar.Close * f };
        }));
}
