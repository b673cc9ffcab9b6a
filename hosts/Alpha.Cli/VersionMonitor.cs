using System.Text.Json;
using Alpha.MarketData;
using Alpha.Monitoring;
using Alpha.Operations;
using Alpha.Registry;
using Alpha.Storage.Postgres;
using Alpha.Training;
using Npgsql;

namespace Alpha.Cli;

/// <summary>
/// A stored version's degradation verdict over a window of bars, replayed as the live engine serves them, against the
/// reference it froze at training (<c>drift_reference.json</c>) — for <c>alpha monitor</c> and the retraining
/// service's degradation trigger.
/// </summary>
internal static class VersionMonitor
{
    /// <summary>The verdict of the version in <paramref name="folder"/> over the bars from <paramref name="since"/>.</summary>
    /// <exception cref="InvalidOperationException">The version has no drift reference (it was trained before versions froze one).</exception>
    public static (string Version, LiveWindow Window, DegradationVerdict Verdict) Evaluate(string folder, TrainingPolicy policy, PairDataset dataset, DateTime since)
    {
        string referencePath = Path.Combine(folder, ModelFiles.DriftReference);
        if (!File.Exists(referencePath))
        {
            throw new InvalidOperationException($"{Path.GetFileName(folder)} has no {ModelFiles.DriftReference}: it was trained before versions froze a monitoring reference; retrain it.");
        }

        DriftReference reference = DriftReferenceJson.Read(File.ReadAllBytes(referencePath));
        var trained = TrainedModel.Load(folder);
        LiveWindow window = ReplayedWindow.Build(trained, PairAligner.Align(dataset.A, dataset.B, policy.Alignment), policy, since);
        return (trained.Version, window, DegradationCheck.Evaluate(reference, window, new MonitoringOptions()));
    }

    /// <summary>The version's two symbols and timeframe, as its data-quality report names them.</summary>
    public static (string SymbolA, string SymbolB, TimeSpan Timeframe) PairOf(string folder)
    {
        using var quality = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(folder, ModelFiles.DataQuality)));
        JsonElement q = quality.RootElement;
        return (q.GetProperty("symbol_a").GetString()!, q.GetProperty("symbol_b").GetString()!, TimeSpan.FromMinutes(q.GetProperty("timeframe_minutes").GetDouble()));
    }

    /// <summary>The live bars the worker stored in <c>core.bars</c> for two symbols at a timeframe.</summary>
    public static async Task<PairDataset> LiveBarsAsync(NpgsqlDataSource db, string symbolA, string symbolB, TimeSpan timeframe, CancellationToken ct)
    {
        var bars = new PostgresBarStore(db);
        return PairDataset.FromSeries(await bars.ReadAsync(symbolA, timeframe, ct), await bars.ReadAsync(symbolB, timeframe, ct));
    }

    /// <summary>Stores the verdict for <paramref name="modelId"/> in <c>core.monitoring_verdicts</c> (the API shows the newest).</summary>
    public static async Task RecordAsync(NpgsqlDataSource db, string modelId, string version, DateTime since, DegradationVerdict verdict, DateTimeOffset evaluatedAt, CancellationToken ct)
    {
        using var json = JsonDocument.Parse(DegradationVerdictJson.Write(verdict));
        await new PostgresMonitoringStore(db).AppendAsync(
            new MonitoringRecord(modelId, version, new DateTimeOffset(since, TimeSpan.Zero), evaluatedAt, DegradationVerdictJson.Name(verdict.Level), verdict.RetrainRecommended, json.RootElement.Clone()), ct);
    }
}
