using System.Collections.Immutable;
using System.Text.Json;
using Alpha.Backtesting;
using Alpha.Inference;
using Alpha.Registry;

namespace Alpha.Operations;

/// <summary>
/// The analytics of seed 003's <c>/metrics/model|trading|data_quality|risk</c>: what the catalogue serves and how it
/// trained, what the worker did live (signals, fills, scores, checkpoints, bars, heartbeats), and the risk controls in force.
/// </summary>
public sealed class OperationsAnalytics
{
    private readonly ModelCatalogue _catalogue;
    private readonly ModelRegistry _registry;
    private readonly IOperationsStore _store;
    private readonly OpsDesk _desk;
    private readonly DrawdownPolicy? _drawdown;
    private readonly IMonitoringStore? _monitoring;
    private readonly TimeProvider _time;

    /// <summary>Creates the analytics.</summary>
    /// <param name="catalogue">The models served.</param>
    /// <param name="registry">Deployed versions, statuses and training metrics.</param>
    /// <param name="store">What the worker recorded.</param>
    /// <param name="desk">The flags in force.</param>
    /// <param name="drawdown">dd_policy.yaml's levels, or null.</param>
    /// <param name="timeProvider">The clock.</param>
    /// <param name="monitoring">Degradation verdicts, or null when none are kept.</param>
    public OperationsAnalytics(ModelCatalogue catalogue, ModelRegistry registry, IOperationsStore store, OpsDesk desk, DrawdownPolicy? drawdown, TimeProvider timeProvider, IMonitoringStore? monitoring = null)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(desk);
        ArgumentNullException.ThrowIfNull(timeProvider);
        (_catalogue, _registry, _store, _desk, _drawdown, _time, _monitoring) = (catalogue, registry, store, desk, drawdown, timeProvider, monitoring);
    }

    /// <summary>Every catalogue model: its serving version's status and metrics, and its live scores over the last <paramref name="window"/>.</summary>
    public async Task<ModelReport> ModelsAsync(TimeSpan window, CancellationToken cancellationToken)
    {
        DateTimeOffset now = _time.GetUtcNow();
        ImmutableArray<ScoreActivity> scores = await _store.ScoresAsync(now - window, cancellationToken).ConfigureAwait(false);
        ImmutableArray<MonitoringRecord> verdicts = await VerdictsAsync(cancellationToken).ConfigureAwait(false);
        var models = ImmutableArray.CreateBuilder<ModelAnalytics>(_catalogue.Models.Length);
        foreach (ModelDefinition model in _catalogue.Models)
        {
            string? deployed = await _registry.DeployedAsync(model.ModelId, cancellationToken).ConfigureAwait(false);
            string? serving = model.Version == ModelDefinition.Deployed ? deployed : model.Version;
            ModelVersionState? state = serving is null ? null : (await _registry.VersionsAsync(model.ModelId, cancellationToken).ConfigureAwait(false)).FirstOrDefault(v => v.Version == serving);
            JsonElement? metrics = state?.Record?.MetricsJson is { Length: > 0 } json ? JsonDocument.Parse(json).RootElement.Clone() : null;
            models.Add(new ModelAnalytics(
                model.ModelId, model.Kind, model.PairId, (int)model.Timeframe.TotalSeconds, model.Version, deployed, state is null ? null : ModelLifecycle.Name(state.Status), metrics,
                [.. scores.Where(s => s.ModelId == model.ModelId && s.PairId == model.PairId)],
                verdicts.FirstOrDefault(v => v.ModelId == model.ModelId)));
        }

        return new ModelReport(now, now - window, models.MoveToImmutable());
    }

    /// <summary>
    /// The out-of-sample daily equity of the version a catalogue model serves (its <c>equity.json</c>, read from the
    /// verified folder), or null when the model is not in the catalogue, serves no version, or its version predates the file.
    /// </summary>
    /// <exception cref="InvalidDataException">The file is not an equity curve.</exception>
    public async Task<EquityCurve?> EquityAsync(string modelId, CancellationToken cancellationToken)
    {
        if (_catalogue.Find(modelId) is not { } model)
        {
            return null;
        }

        string? version = model.Version == ModelDefinition.Deployed ? await _registry.DeployedAsync(modelId, cancellationToken).ConfigureAwait(false) : model.Version;
        if (version is null)
        {
            return null;
        }

        VerifiedVersion opened = await _registry.OpenAsync(modelId, version, cancellationToken).ConfigureAwait(false);
        string path = Path.Combine(opened.Folder, ModelFiles.Equity);
        return File.Exists(path)
            ? new EquityCurve(modelId, version, EquityCurveJson.Read(await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false)))
            : null;
    }

    /// <summary>Signals and fills over the last <paramref name="window"/>, and every engine's position.</summary>
    public async Task<TradingReport> TradingAsync(TimeSpan window, CancellationToken cancellationToken)
    {
        DateTimeOffset now = _time.GetUtcNow();
        ImmutableArray<PairActivity> pairs = await _store.ActivityAsync(now - window, cancellationToken).ConfigureAwait(false);
        ImmutableArray<PairPosition> positions = await _store.PositionsAsync(cancellationToken).ConfigureAwait(false);
        return new TradingReport(now, now - window, pairs, positions);
    }

    /// <summary>The live bars and which symbols are behind.</summary>
    public async Task<DataQualityReport> DataQualityAsync(CancellationToken cancellationToken)
    {
        DateTimeOffset now = _time.GetUtcNow();
        ImmutableArray<BarCoverage> bars = await _store.BarsAsync(now, cancellationToken).ConfigureAwait(false);
        return new DataQualityReport(now, bars, [.. bars.Where(b => b.LagSeconds > 2.0 * b.TimeframeSeconds).Select(b => $"{b.Symbol}@{b.TimeframeSeconds}")]);
    }

    /// <summary>The flags in force, the drawdown levels, the hosts' heartbeats and every model's newest degradation verdict.</summary>
    public async Task<RiskReport> RiskAsync(CancellationToken cancellationToken)
    {
        DateTimeOffset now = _time.GetUtcNow();
        OpsFlagTable flags = await _desk.FlagsAsync(cancellationToken).ConfigureAwait(false);
        ImmutableArray<HostHeartbeat> heartbeats = await _store.HeartbeatsAsync(now, cancellationToken).ConfigureAwait(false);
        return new RiskReport(now, [.. FlagEntry.Of(flags)], _drawdown, heartbeats, await VerdictsAsync(cancellationToken).ConfigureAwait(false));
    }

    private async ValueTask<ImmutableArray<MonitoringRecord>> VerdictsAsync(CancellationToken cancellationToken) =>
        _monitoring is null ? [] : await _monitoring.LatestAsync(cancellationToken).ConfigureAwait(false);
}
