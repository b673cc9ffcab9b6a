using System.Collections.Immutable;
using System.Text.Json;
using System.Text.RegularExpressions;
using Alpha.MarketData;
using Alpha.Registry;

namespace Alpha.Training.Tests;

[Collection(Sequential.Name)]
public sealed partial class RetrainFlowTests(FlowFixture flow) : IClassFixture<FlowFixture>
{
    private static readonly DateTimeOffset s_now = new(2026, 11, 21, 9, 30, 0, TimeSpan.Zero);

    [XGBoostFact]
    public void Run_WritesAVerifiedVersion_ThatLoadsAndScores()
    {
        string root = Directory.CreateTempSubdirectory("alpha-models-").FullName;
        string folder = ModelStore.Write(flow.Result.Artifacts, root, new ManualTimeProvider(s_now));

        Assert.Matches(VersionPattern(), Path.GetFileName(folder));
        Assert.StartsWith("20261121_0930_", Path.GetFileName(folder), StringComparison.Ordinal);
        ModelVerification check = ModelStore.Verify(folder);
        Assert.True(check.IsValid, string.Join("; ", check.Problems));
        string[] expected = [.. flow.Result.Artifacts.Keys, ModelFiles.Checksums, ModelFiles.Run];
        Assert.Equal(expected.Order(StringComparer.Ordinal), Directory.EnumerateFiles(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        foreach (string name in (string[])[ModelFiles.Ai1Model, ModelFiles.Ai2Model, ModelFiles.Ai1Calibrator, ModelFiles.Ai2Calibrator, ModelFiles.FeatureSchema, ModelFiles.Params, ModelFiles.Metrics, ModelFiles.DataQuality, ModelFiles.DatasetIndex, ModelFiles.CodeHash, ModelFiles.Seed])
        {
            Assert.Contains(name, flow.Result.Artifacts.Keys);
        }

        TrainedModel model = TrainedModel.Load(folder);
        Assert.Equal(flow.Result.Theta, model.Theta);
        ScoredPair scored = model.Score(PairAligner.Align(flow.A, flow.B), TrainingPolicy.Default.Backtest);
        Assert.NotEmpty(scored.CandidateBars);
        Assert.All(scored.CandidateReturnProbabilities(), p => Assert.InRange(p, 0, 1));

        using JsonDocument metrics = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(folder, ModelFiles.Metrics)));
        Assert.Equal(flow.Result.Ai1.RocAuc!.Value, metrics.RootElement.GetProperty("models").GetProperty("ai1").GetProperty("roc_auc").GetDouble());
        Assert.Equal(flow.Result.Adoption.Adopted, metrics.RootElement.GetProperty("adoption").GetProperty("adopted").GetBoolean());
        Assert.Equal(flow.Result.Backtest.Summary.Sharpe, metrics.RootElement.GetProperty("backtest").GetProperty("sharpe").GetDouble());
        using JsonDocument index = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(folder, ModelFiles.DatasetIndex)));
        Assert.Equal(PairDataset.FromSeries(flow.A, flow.B).DataHash, index.RootElement.GetProperty("data_hash").GetString());
    }

    [XGBoostFact]
    public void Version_HoldsItsOutOfSampleEquity_AndItsDriftReference_FromTheOutOfFoldData()
    {
        RetrainResult result = flow.Result;

        ImmutableArray<Alpha.Backtesting.DailyEquity> equity = Alpha.Backtesting.EquityCurveJson.Read(result.Artifacts[ModelFiles.Equity].AsSpan());
        Alpha.Monitoring.DriftReference drift = Alpha.Monitoring.DriftReferenceJson.Read(result.Artifacts[ModelFiles.DriftReference].AsSpan());

        Assert.Equal<Alpha.Backtesting.DailyEquity>(result.Backtest.Daily, equity);
        var schema = Alpha.Features.FeatureSchema.FromJson(System.Text.Encoding.UTF8.GetString(result.Artifacts[ModelFiles.FeatureSchema].AsSpan()));
        Assert.Equal(schema.Names, drift.Inputs.Select(d => d.Name));
        int candidates = result.Scores.CandidateBars.Length;
        Assert.All(drift.Inputs, d => Assert.Equal(candidates, d.Count));
        Assert.Equal((candidates, candidates), (drift.ReturnProb.Count, drift.RiskScore.Count));
        Assert.Equal<double>(Alpha.Monitoring.DecileEdges.Of(result.Scores.CandidateReturnProbabilities()), drift.ReturnProb.Edges);
        Assert.Equal((result.Ai1.RocAuc!.Value, result.Backtest.Summary.WinRate, result.Backtest.Summary.Trades, result.Theta.Theta2),
            (drift.OutOfFoldAuc, drift.BacktestWinRate, drift.BacktestTrades, drift.Theta2));
        Assert.All(drift.Inputs, d => Assert.InRange(d.Edges[^1], -TrainingPolicy.Default.ScalerClip, TrainingPolicy.Default.ScalerClip));     // scaled as the boosters see them
    }

    [XGBoostTheory]
    [InlineData("xgboost")]
    [InlineData("lightgbm")]
    public void SameDataConfigAndSeed_GiveByteIdenticalArtifacts(string booster)
    {
        RetrainResult again = FlowFixture.Run(flow.A, flow.B, booster: booster);
        RetrainResult first = flow.ResultOf(booster);
        Assert.Equal(first.Artifacts.Keys, again.Artifacts.Keys);
        Assert.Contains(booster == "lightgbm" ? ModelFiles.Ai2ModelText : ModelFiles.Ai2Model, first.Artifacts.Keys);
        foreach ((string name, ImmutableArray<byte> content) in first.Artifacts)
        {
            Assert.True(content.AsSpan().SequenceEqual(again.Artifacts[name].AsSpan()), $"{name} differs between two runs.");
        }

        // Stored at different times: only the version's timestamp and run.json's created_at differ.
        string firstFolder = ModelStore.Write(first.Artifacts, Directory.CreateTempSubdirectory("alpha-models-").FullName, new ManualTimeProvider(s_now));
        string second = ModelStore.Write(again.Artifacts, Directory.CreateTempSubdirectory("alpha-models-").FullName, new ManualTimeProvider(s_now.AddDays(3).AddMinutes(7)));
        Assert.Equal(Path.GetFileName(firstFolder)[^7..], Path.GetFileName(second)[^7..]);
        foreach (string path in Directory.EnumerateFiles(firstFolder).Where(p => Path.GetFileName(p) != ModelFiles.Run))
        {
            Assert.Equal(File.ReadAllBytes(path), File.ReadAllBytes(Path.Combine(second, Path.GetFileName(path))));
        }

        Assert.NotEqual(File.ReadAllText(Path.Combine(firstFolder, ModelFiles.Run)), File.ReadAllText(Path.Combine(second, ModelFiles.Run)));
        Assert.True(ModelStore.Verify(firstFolder).IsValid);
        // The stored version loads (each booster read in the format that trained it) and scores.
        TrainedModel model = TrainedModel.Load(firstFolder);
        Assert.Equal(first.Theta, model.Theta);
        Assert.All(model.Score(PairAligner.Align(flow.A, flow.B), TrainingPolicy.Default.Backtest).CandidateReturnProbabilities(), p => Assert.InRange(p, 0, 1));
    }

    [XGBoostTheory]
    [InlineData("xgboost")]
    [InlineData("lightgbm")]
    public void PerturbingTheLastFoldsTestSpanAndPurgeZone_ChangesNothingItsTrainingProduced(string booster)
    {
        RetrainResult result = flow.ResultOf(booster);
        FoldReport last = result.Folds[^1];
        int zoneStart = last.TestSpans.Min(s => s.Start) - TrainingPolicy.Default.CrossValidation.PurgeBars;
        AlignedPair pair = PairAligner.Align(flow.A, flow.B);
        DateTime cutoff = pair.Time[zoneStart];

        RetrainResult perturbed = FlowFixture.Run(Perturb(flow.A, cutoff, 1), Perturb(flow.B, cutoff, 2), booster: booster);
        FoldReport other = perturbed.Folds[^1];

        Assert.Equal(last.TrainingBars.ToArray(), other.TrainingBars.ToArray());
        Assert.Equal(last.Ai1TrainSamples, other.Ai1TrainSamples);
        Assert.Equal(last.Ai2TrainSamples, other.Ai2TrainSamples);
        Assert.Equal(last.MaxSpeed, other.MaxSpeed);
        Assert.Equal(last.RiskThresholds.ToArray(), other.RiskThresholds.ToArray());
        Assert.Equal(last.ScalerMedians.ToArray(), other.ScalerMedians.ToArray());
        Assert.Equal(last.ScalerScales.ToArray(), other.ScalerScales.ToArray());
        Assert.Equal(last.Ai1BestIteration, other.Ai1BestIteration);
        Assert.Equal(last.Ai2BestIteration, other.Ai2BestIteration);
        Assert.True(last.Ai1Model.AsSpan().SequenceEqual(other.Ai1Model.AsSpan()), "the fold's AI1 booster changed");
        Assert.True(last.Ai2Model.AsSpan().SequenceEqual(other.Ai2Model.AsSpan()), "the fold's AI2 booster changed");

        // The perturbation is real: the folds that train on those bars, and the final models, do change.
        string ai2 = booster == "lightgbm" ? ModelFiles.Ai2ModelText : ModelFiles.Ai2Model;
        Assert.False(result.Folds[0].Ai2Model.AsSpan().SequenceEqual(perturbed.Folds[0].Ai2Model.AsSpan()));
        Assert.False(result.Artifacts[ai2].AsSpan().SequenceEqual(perturbed.Artifacts[ai2].AsSpan()));
    }

    [XGBoostFact]
    public void Metrics_HoldWhatChartsNeed_ReliabilityBins_ThetaTrials_AndFoldSpans()
    {
        RetrainResult result = flow.Result;
        using JsonDocument metrics = JsonDocument.Parse(result.Artifacts[ModelFiles.Metrics].AsMemory());
        JsonElement root = metrics.RootElement;
        AlignedPair pair = PairAligner.Align(flow.A, flow.B, TrainingPolicy.Default.Alignment);

        foreach ((string model, Alpha.Calibration.CalibrationReport report) in (ReadOnlySpan<(string, Alpha.Calibration.CalibrationReport)>)[("ai1", result.Ai1), ("ai2", result.Ai2)])
        {
            JsonElement bins = root.GetProperty("models").GetProperty(model).GetProperty("reliability");
            Assert.Equal(report.Curve.Counts, bins.GetProperty("counts").EnumerateArray().Select(c => c.GetInt32()));
            Assert.Equal(report.Count, bins.GetProperty("counts").EnumerateArray().Sum(c => c.GetInt32()));
            Assert.Equal(report.Curve.MeanPredicted, bins.GetProperty("mean_predicted").EnumerateArray().Select(v => v.GetDouble()));
            Assert.Equal(report.Curve.FractionOfPositives, bins.GetProperty("fraction_of_positives").EnumerateArray().Select(v => v.GetDouble()));
        }

        JsonElement trials = root.GetProperty("theta_search").GetProperty("trials");
        Assert.Equal(result.ThetaSearch.Trials.Length, trials.GetArrayLength());
        Assert.Equal(result.ThetaSearch.Trials.Select(t => (t.Theta.Theta1, t.Theta.Theta2, t.Feasible)),
            trials.EnumerateArray().Select(t => (t.GetProperty("theta1").GetDouble(), t.GetProperty("theta2").GetDouble(), t.GetProperty("feasible").GetBoolean())));

        JsonElement[] folds = [.. root.GetProperty("folds").EnumerateArray()];
        for (int k = 0; k < folds.Length; k++)
        {
            JsonElement span = Assert.Single(folds[k].GetProperty("test_spans").EnumerateArray());
            Alpha.CrossValidation.TestSpan expected = Assert.Single(result.Folds[k].TestSpans);
            Assert.Equal((expected.Start, expected.End), (span.GetProperty("start_bar").GetInt32(), span.GetProperty("end_bar").GetInt32()));
            Assert.Equal(pair.Time[expected.Start].ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture), span.GetProperty("start_time").GetString());
        }
    }

    [XGBoostFact]
    public void Progress_ReportsEveryStageInOrder_AndTimesIt()
    {
        Assert.Equal(Enum.GetValues<RetrainStage>().Where(s => s != RetrainStage.HyperparameterSearch), flow.Result.StageTimes.Select(t => t.Key));      // the search is off by default
        Assert.All(flow.Result.StageTimes, t => Assert.True(t.Value >= TimeSpan.Zero));
    }

    [XGBoostFact]
    public void Cancellation_InsideCrossValidation_StopsTheRun()
    {
        using var cancel = new CancellationTokenSource();
        var seen = new List<RetrainProgress>();
        var progress = new SynchronousProgress<RetrainProgress>(p =>
        {
            seen.Add(p);
            if (p.Stage == RetrainStage.CrossValidation && p.Fraction > 0)
            {
                cancel.Cancel();       // during fold 2: the booster's round loop sees it
            }
        });

        Assert.ThrowsAny<OperationCanceledException>(() => FlowFixture.Run(flow.A, flow.B, progress, cancellationToken: cancel.Token));
        Assert.DoesNotContain(seen, p => p.Stage > RetrainStage.CrossValidation);
        Assert.Equal([RetrainStage.Align, RetrainStage.Features, RetrainStage.Labels], seen.Where(p => p.Fraction == 1).Select(p => p.Stage));
    }

    [XGBoostFact]
    public void TooLittleData_IsATypedError()
    {
        (BarSeries a, BarSeries b) = SyntheticPair.Generate(new SyntheticPairOptions { Seed = 1, Bars = 500 });
        TrainingDataException e = Assert.Throws<TrainingDataException>(() => FlowFixture.Run(a, b));
        Assert.Contains("fold", e.Message, StringComparison.OrdinalIgnoreCase);
    }

    private static BarSeries Perturb(BarSeries series, DateTime from, int seed)
    {
        var random = new Random(seed);
        var bars = new List<Bar>(series.Count);
        for (int i = 0; i < series.Count; i++)
        {
            Bar bar = series[i];
            double f = bar.Time >= from ? Math.Exp(0.01 * ((random.NextDouble() * 2) - 1)) : 1;
            bars.Add(bar with { Open = bar.Open * f, High = bar.High * f, Low = bar.Low * f, Close = bar.Close * f });
        }

        return BarSeries.FromBars(series.Symbol, bars);
    }

    [GeneratedRegex(@"^\d{8}_\d{4}_[0-9a-f]{7}$")]
    private static partial Regex VersionPattern();
}
