using System.Collections.Immutable;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Alpha.Backtesting;
using Alpha.Boosting.Training;
using Alpha.Calibration;
using Alpha.Features;
using Alpha.Labeling;
using Alpha.MarketData;
using Alpha.Monitoring;
using Alpha.CrossValidation;
using Alpha.Optimization;
using Alpha.Registry;

namespace Alpha.Training;

/// <summary>Renders a run's outcome as the artifact files (deterministic bytes: no clock, invariant culture).</summary>
internal sealed class ArtifactContent
{
    private static readonly Lazy<string> s_codeHash = new(ComputeCodeHash);

    public required TrainingPolicy Policy { get; init; }

    public required PairDataset Data { get; init; }

    public required DataQualityReport DataQuality { get; init; }

    public required FeatureSchema Schema { get; init; }

    public required ModelFormat BoosterFormat { get; init; }

    public required ImmutableArray<byte> Ai1Model { get; init; }

    public required ImmutableArray<byte> Ai2Model { get; init; }

    public required IProbabilityCalibrator Ai1Calibrator { get; init; }

    public required IProbabilityCalibrator Ai2Calibrator { get; init; }

    public required CalibrationReport Ai1Report { get; init; }

    public required CalibrationReport Ai2Report { get; init; }

    public required ReversionLabels Reversion { get; init; }

    public required RiskLabels Risk { get; init; }

    public required ImmutableArray<FoldReport> Folds { get; init; }

    public required int Ai1Rounds { get; init; }

    public required int Ai2Rounds { get; init; }

    public required Theta Theta { get; init; }

    public required ThetaSearchResult Search { get; init; }

    public required BacktestResult Backtest { get; init; }

    public required ImmutableArray<StressResult> Stress { get; init; }

    public required AdoptionDecision Adoption { get; init; }

    public required DeployedModel? Deployed { get; init; }

    public required DriftReference Drift { get; init; }

    public ImmutableArray<HyperparameterSearchResult> Hyperparameters { get; init; } = [];

    /// <summary>The aligned bars' times (UTC): the fold spans' dates.</summary>
    public required ImmutableArray<DateTime> Times { get; init; }

    public ImmutableSortedDictionary<string, ImmutableArray<byte>> Build()
    {
        var files = ImmutableSortedDictionary.CreateBuilder<string, ImmutableArray<byte>>(StringComparer.Ordinal);
        files[ModelFiles.Booster("ai1", BoosterFormat)] = Ai1Model;
        files[ModelFiles.Booster("ai2", BoosterFormat)] = Ai2Model;
        files[ModelFiles.Ai1Calibrator] = Utf8(Ai1Calibrator.ToJson());
        files[ModelFiles.Ai2Calibrator] = Utf8(Ai2Calibrator.ToJson());
        files[ModelFiles.FeatureSchema] = Utf8(Schema.CanonicalJson);
        files[ModelFiles.Params] = Utf8(ParamsYaml());
        files[ModelFiles.Metrics] = Json(Metrics);
        files[ModelFiles.Equity] = [.. EquityCurveJson.Write(Backtest.Daily)];
        files[ModelFiles.DriftReference] = [.. DriftReferenceJson.Write(Drift)];
        files[ModelFiles.DataQuality] = Json(w => WriteDataQuality(w, DataQuality));
        files[ModelFiles.DatasetIndex] = Json(WriteDatasetIndex);
        files[ModelFiles.CodeHash] = Utf8(CodeHash + "\n");
        files[ModelFiles.Seed] = Utf8(Policy.Seed.ToString(CultureInfo.InvariantCulture) + "\n");
        return files.ToImmutable();
    }

    internal static ImmutableArray<byte> Utf8(string text) => [.. Encoding.UTF8.GetBytes(text)];

    internal static ImmutableArray<byte> Json(Action<Utf8JsonWriter> write)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            write(writer);
            writer.WriteEndObject();
        }

        return [.. buffer.WrittenSpan, (byte)'\n'];
    }

    private static void WriteNumbers(Utf8JsonWriter w, string name, ImmutableArray<double> values)
    {
        w.WriteStartArray(name);
        foreach (double value in values)
        {
            if (double.IsFinite(value))
            {
                w.WriteNumberValue(value);
            }
            else
            {
                w.WriteNullValue();
            }
        }

        w.WriteEndArray();
    }

    private static void Number(Utf8JsonWriter w, string name, double? value)
    {
        if (value is double v && double.IsFinite(v))
        {
            w.WriteNumber(name, v);
        }
        else
        {
            w.WriteNull(name);
        }
    }

    private static string Yaml(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private string ParamsYaml()
    {
        ReversionLabelOptions r = Policy.Reversion;
        var s = new StringBuilder();
        s.Append("# Decision parameters of this model version (written by Alpha.Training; read by inference).\n");
        s.Append("# entry <=> return_prob > theta1 and risk_score < theta2 (both clipped to [1e-6, 1 - 1e-6]).\n");
        s.Append(CultureInfo.InvariantCulture, $"theta1: {Yaml(Theta.Theta1)}\n");
        s.Append(CultureInfo.InvariantCulture, $"theta2: {Yaml(Theta.Theta2)}\n");
        s.Append("# M: bars a position may be held after the decision bar.\n");
        s.Append(CultureInfo.InvariantCulture, $"max_holding_bars: {Policy.Backtest.Rules.MaxHoldingBars}\n");
        s.Append(CultureInfo.InvariantCulture, $"entry_z: {Yaml(Policy.Backtest.Rules.EntryZ)}\n");
        s.Append(CultureInfo.InvariantCulture, $"entry_max_z: {Yaml(Policy.Backtest.Rules.EntryMaxZ)}\n");
        s.Append(CultureInfo.InvariantCulture, $"exit_z: {Yaml(Policy.Backtest.Rules.ExitZ)}\n");
        s.Append(CultureInfo.InvariantCulture, $"stop_z: {Yaml(Policy.Backtest.Rules.StopZ)}\n");
        s.Append("# AI1 candidate speed limit fitted on all training bars (labels used the same limit).\n");
        s.Append(CultureInfo.InvariantCulture, $"max_speed: {Yaml(Reversion.MaxSpeed)}\n");
        s.Append(CultureInfo.InvariantCulture, $"label_horizon_bars: {r.HorizonBars}\n");
        s.Append("# AI2 label thresholds fitted on all training bars.\n");
        s.Append("risk_thresholds:\n");
        foreach ((RiskCondition condition, double value) in Risk.Thresholds)
        {
            s.Append(CultureInfo.InvariantCulture, $"  {RiskKey(condition)}: {Yaml(value)}\n");
        }

        s.Append(CultureInfo.InvariantCulture, $"risk_horizon_bars: {Policy.Risk.HorizonBars}\n");
        s.Append(CultureInfo.InvariantCulture, $"feature_schema_hash: {Schema.Hash}\n");
        s.Append(CultureInfo.InvariantCulture, $"ai1_rounds: {Ai1Rounds}\n");
        s.Append(CultureInfo.InvariantCulture, $"ai2_rounds: {Ai2Rounds}\n");
        s.Append(CultureInfo.InvariantCulture, $"seed: {Policy.Seed}\n");
        return s.ToString();
    }

    internal static string RiskKey(RiskCondition condition) => condition switch
    {
        RiskCondition.RhoVariance => "rho_var",
        RiskCondition.AtrRatio => "atr_ratio",
        RiskCondition.Speed => "speed",
        _ => "dd_recent",
    };

    private void Metrics(Utf8JsonWriter w)
    {
        w.WriteStartObject("models");
        WriteModel(w, "ai1", Ai1Report, Ai1Model, Ai1Rounds, Reversion.Statistics);
        WriteModel(w, "ai2", Ai2Report, Ai2Model, Ai2Rounds, Risk.Statistics);
        w.WriteEndObject();

        w.WriteStartArray("folds");
        foreach (FoldReport f in Folds)
        {
            w.WriteStartObject();
            w.WriteNumber("fold", f.Index);
            w.WriteNumber("ai1_train", f.Ai1TrainSamples);
            w.WriteNumber("ai1_test", f.Ai1TestSamples);
            w.WriteNumber("ai2_train", f.Ai2TrainSamples);
            w.WriteNumber("ai2_test", f.Ai2TestSamples);
            w.WriteNumber("ai1_best_iteration", f.Ai1BestIteration);
            w.WriteNumber("ai2_best_iteration", f.Ai2BestIteration);
            Number(w, "max_speed", f.MaxSpeed);
            w.WriteStartArray("test_spans");
            foreach (TestSpan span in f.TestSpans)
            {
                w.WriteStartObject();
                w.WriteNumber("start_bar", span.Start);
                w.WriteNumber("end_bar", span.End);
                w.WriteString("start_time", Times[span.Start].ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
                w.WriteString("end_time", Times[span.End - 1].ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();

        WriteHyperparameterSearch(w);

        w.WriteStartObject("theta_search");
        Number(w, "theta1", Theta.Theta1);
        Number(w, "theta2", Theta.Theta2);
        w.WriteBoolean("adopted", Search.Adopted);
        w.WriteNumber("evaluations", Search.Trials.Length);
        w.WriteBoolean("adaptive_range", Search.AdaptiveRange);
        w.WriteBoolean("no_feasible_theta", Search.NoFeasibleTheta);
        Number(w, "best_objective", Search.Best?.Objective);
        Number(w, "pass_rate", Search.PassRate);
        if (Search.PassRateWarning is string warning)
        {
            w.WriteString("pass_rate_warning", warning);
        }

        w.WriteStartArray("trials");
        foreach (ThetaTrial trial in Search.Trials)
        {
            w.WriteStartObject();
            Number(w, "theta1", trial.Theta.Theta1);
            Number(w, "theta2", trial.Theta.Theta2);
            Number(w, "objective", trial.Objective);
            w.WriteBoolean("feasible", trial.Feasible);
            w.WriteString("stage", trial.Stage);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("reasons");
        foreach (string reason in Search.Reasons)
        {
            w.WriteStringValue(reason);
        }

        w.WriteEndArray();
        w.WriteEndObject();

        w.WriteStartObject("backtest");
        WriteSummary(w, Backtest.Summary);
        w.WriteNumber("candidates", Backtest.Candidates);
        w.WriteNumber("declined", Backtest.Declined);
        w.WriteEndObject();

        w.WriteStartObject("stress");
        foreach (StressResult s in Stress)
        {
            w.WriteStartObject(s.Scenario);
            WriteSummary(w, s.Summary);
            w.WriteEndObject();
        }

        w.WriteEndObject();

        w.WriteStartObject("adoption");
        w.WriteBoolean("adopted", Adoption.Adopted);
        if (Deployed is not null)
        {
            w.WriteString("compared_with", Deployed.Version);
        }

        w.WriteStartArray("criteria");
        foreach (CriterionResult c in Adoption.Criteria)
        {
            w.WriteStartObject();
            w.WriteString("name", c.Name);
            Number(w, "value", c.Value);
            w.WriteString("comparison", c.Comparison);
            Number(w, "bound", c.Bound);
            w.WriteBoolean("passed", c.Passed);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private void WriteModel(Utf8JsonWriter w, string name, CalibrationReport report, ImmutableArray<byte> model, int rounds, LabelStatistics labels)
    {
        w.WriteStartObject(name);
        w.WriteNumber("samples", report.Count);
        w.WriteNumber("positives", report.Positives);
        Number(w, "roc_auc", report.RocAuc);
        Number(w, "pr_auc", report.AveragePrecision);
        Number(w, "brier", report.Brier);
        Number(w, "base_rate_brier", report.BaseRateBrier);
        Number(w, "log_loss", report.LogLoss);
        Number(w, "ece", report.ExpectedCalibrationError);
        Number(w, "mce", report.MaximumCalibrationError);
        w.WriteNumber("rounds", rounds);
        w.WriteNumber("label_events", labels.Events);
        Number(w, "label_positive_rate", labels.PositiveRate);
        w.WriteStartObject("reliability");
        WriteNumbers(w, "mean_predicted", report.Curve.MeanPredicted);
        WriteNumbers(w, "fraction_of_positives", report.Curve.FractionOfPositives);
        w.WriteStartArray("counts");
        foreach (int count in report.Curve.Counts)
        {
            w.WriteNumberValue(count);
        }

        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteStartArray("feature_importance");
        foreach (FeatureScore s in FeatureImportance.Gain(model.AsSpan(), BoosterFormat, FeatureNames.ModelInputs))
        {
            w.WriteStartObject();
            w.WriteString("feature", s.Feature);
            Number(w, "gain", s.Gain);
            Number(w, "total_gain", s.TotalGain);
            w.WriteNumber("splits", s.Splits);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    // Every trial of each model's search (null when the stage is off): parameters, mean and per-fold inner-validation log loss.
    private void WriteHyperparameterSearch(Utf8JsonWriter w)
    {
        if (Hyperparameters.IsEmpty)
        {
            w.WriteNull("hyperparameter_search");
            return;
        }

        w.WriteStartObject("hyperparameter_search");
        foreach (HyperparameterSearchResult search in Hyperparameters)
        {
            w.WriteStartObject(search.Model);
            w.WriteString("stop_reason", search.Study.StopReason.ToString());
            if (search.Study.Best is { } best)
            {
                w.WriteNumber("best_trial", best.Number);
            }
            else
            {
                w.WriteNull("best_trial");
            }

            Number(w, "best_log_loss", search.Study.Best?.Value);
            w.WriteStartArray("trials");
            foreach (TrialRecord trial in search.Study.Trials)
            {
                w.WriteStartObject();
                w.WriteNumber("number", trial.Number);
                w.WriteString("state", trial.State.ToString());
                Number(w, "log_loss", trial.Value);
                w.WriteStartArray("fold_log_loss");
                foreach (double loss in trial.Attributes.Where(a => a.Key.StartsWith("fold_", StringComparison.Ordinal)).OrderBy(a => int.Parse(a.Key.AsSpan(5), CultureInfo.InvariantCulture)).Select(a => a.Value))
                {
                    w.WriteNumberValue(loss);
                }

                w.WriteEndArray();
                w.WriteStartObject("parameters");
                foreach ((string name, double value) in trial.Parameters.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    w.WriteNumber(name, value);
                }

                w.WriteEndObject();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndObject();
    }

    private static void WriteSummary(Utf8JsonWriter w, PerformanceSummary s)
    {
        Number(w, "annual_return", s.AnnualReturn);
        Number(w, "sharpe", s.Sharpe);
        Number(w, "sortino", s.Sortino);
        Number(w, "max_drawdown", s.MaxDrawdown);
        Number(w, "calmar", s.Calmar);
        w.WriteNumber("trades", s.Trades);
        Number(w, "trades_per_year", s.TradesPerYear);
        Number(w, "win_rate", s.WinRate);
        Number(w, "mean_trade_return", s.MeanTradeReturn);
        Number(w, "ending_equity", s.EndingEquity);
        Number(w, "years", s.Years);
    }

    internal static void WriteDataQuality(Utf8JsonWriter w, DataQualityReport q)
    {
        w.WriteString("symbol_a", q.SymbolA);
        w.WriteString("symbol_b", q.SymbolB);
        w.WriteNumber("bars_read_a", q.BarsReadA);
        w.WriteNumber("bars_read_b", q.BarsReadB);
        w.WriteNumber("issues_a", q.IssuesA);
        w.WriteNumber("issues_b", q.IssuesB);
        w.WriteNumber("union_bars", q.UnionBars);
        w.WriteNumber("common_bars", q.CommonBars);
        w.WriteNumber("filled_a", q.FilledA);
        w.WriteNumber("filled_b", q.FilledB);
        w.WriteNumber("closure_runs", q.ClosureRuns);
        w.WriteNumber("closure_bars", q.ClosureBars);
        w.WriteNumber("split_bars", q.SplitBars);
        w.WriteNumber("segments", q.Segments);
        w.WriteNumber("outliers_a", q.OutliersA);
        w.WriteNumber("outliers_b", q.OutliersB);
        w.WriteNumber("quarantined_segments", q.QuarantinedSegments);
        w.WriteNumber("aligned_bars", q.AlignedBars);
        w.WriteString("first_time", q.FirstTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        w.WriteString("last_time", q.LastTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        w.WriteNumber("timeframe_minutes", q.Timeframe.TotalMinutes);
        w.WriteNumber("max_gap_bars", q.MaxGapBars);
    }

    private void WriteDatasetIndex(Utf8JsonWriter w)
    {
        w.WriteStartArray("files");
        foreach (DatasetFile f in Data.Files)
        {
            w.WriteStartObject();
            w.WriteString("name", f.Name);
            w.WriteString("symbol", f.Symbol);
            w.WriteNumber("rows", f.Rows);
            w.WriteString("first", f.First.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
            w.WriteString("last", f.Last.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
            w.WriteString("sha256", f.Sha256);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteNumber("aligned_bars", DataQuality.AlignedBars);
        w.WriteString("data_hash", Data.DataHash);
    }

    // SHA-256 over the Alpha.* assemblies that ran the flow (deterministic builds: same source, same hash).
    /// <summary>SHA-256 over the Alpha assemblies the flow runs (code_hash.txt).</summary>
    internal static string CodeHash => s_codeHash.Value;

    private static string ComputeCodeHash()
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        System.Reflection.Assembly self = typeof(ArtifactContent).Assembly;
        foreach (System.Reflection.Assembly assembly in self.GetReferencedAssemblies()
            .Where(r => r.Name?.StartsWith("Alpha.", StringComparison.Ordinal) == true)
            .Select(System.Reflection.Assembly.Load)
            .Append(self)
            .OrderBy(a => a.GetName().Name, StringComparer.Ordinal))
        {
            hash.AppendData(Encoding.UTF8.GetBytes(assembly.GetName().Name + "\n"));
            hash.AppendData(assembly.Location.Length > 0 && File.Exists(assembly.Location)
                ? File.ReadAllBytes(assembly.Location)
                : assembly.ManifestModule.ModuleVersionId.ToByteArray());
        }

        return "sha256:" + Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
