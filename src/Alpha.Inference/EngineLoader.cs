using Alpha.Configuration;
using Alpha.Registry;

namespace Alpha.Inference;

/// <summary>
/// Builds the engines a worker serves: a catalogue entry's version opened through the registry (checksums and signature
/// verified; <c>deployed</c> follows the pointer), the kind's predictor, the engine with the host's settings, restored
/// from a checkpoint when there is one. Every version loaded is reported to the registry, and every version refused
/// (it fails verification) too, with the reason (<see cref="ModelRegistry.ServedByAsync"/> shows both).
/// </summary>
public sealed class EngineLoader
{
    private readonly PredictorKinds _kinds;
    private readonly EngineSettings _settings;
    private readonly string _host;

    /// <summary>Creates the loader.</summary>
    /// <param name="kinds">The kinds the host serves.</param>
    /// <param name="registry">Where versions are opened and loads reported.</param>
    /// <param name="settings">The host's engine settings.</param>
    /// <param name="host">The host's name in the registry's <c>ServedBy</c> reports.</param>
    public EngineLoader(PredictorKinds kinds, ModelRegistry registry, EngineSettings settings, string host)
    {
        ArgumentNullException.ThrowIfNull(kinds);
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentException.ThrowIfNullOrWhiteSpace(host);
        (_kinds, Registry, _settings, _host) = (kinds, registry, settings, host);
    }

    /// <summary>The host's name in the registry's reports.</summary>
    public string Host => _host;

    /// <summary>The registry versions are opened from.</summary>
    public ModelRegistry Registry { get; }

    /// <summary>The version an entry names now: its fixed version, or its model id's deployed pointer (null when nothing is deployed).</summary>
    public Task<string?> TargetVersionAsync(ModelDefinition model, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        return model.Version == ModelDefinition.Deployed ? Registry.DeployedAsync(model.ModelId, cancellationToken) : Task.FromResult<string?>(model.Version);
    }

    /// <summary>Loads one entry's engine from <paramref name="version"/> and reports the load (or the refusal) to the registry.</summary>
    /// <param name="model">The catalogue entry.</param>
    /// <param name="version">The version to serve; null for the one the entry names now.</param>
    /// <param name="checkpoint">The checkpoint to restore (of an earlier version too, after a hot-swap); null to start flat.</param>
    /// <param name="cancellationToken">Stops loading.</param>
    /// <exception cref="ConfigException">The entry's kind is prediction-only, or its pair does not match the universe.</exception>
    /// <exception cref="ModelVerificationException">The version fails verification (reported as refused; nothing is served from it).</exception>
    /// <exception cref="ModelVersionNotFoundException">The version does not exist, or nothing is deployed.</exception>
    public async Task<PairEngine> LoadAsync(ModelDefinition model, string? version, EngineCheckpoint? checkpoint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        PairEngine engine;
        VerifiedVersion opened;
        try
        {
            (engine, opened) = await BuildAsync(model, version, cancellationToken).ConfigureAwait(false);
        }
        catch (ModelVerificationException e)
        {
            await Registry.ReportRefusedAsync(model.ModelId, e.Version, _host, string.Join("; ", e.Problems), cancellationToken).ConfigureAwait(false);
            throw;
        }

        if (checkpoint is not null)
        {
            engine.Restore(checkpoint);
        }

        await Registry.ReportLoadedAsync(model.ModelId, engine.ModelVersion, _host, opened.Verification.ChecksumsDigest ?? "", cancellationToken).ConfigureAwait(false);
        return engine;
    }

    /// <summary>Loads every entry of <paramref name="models"/>, each restored from its checkpoint in <paramref name="checkpoints"/>.</summary>
    /// <exception cref="ConfigException">An entry's kind is prediction-only, or its pair does not match the universe.</exception>
    /// <exception cref="ModelVerificationException">A version fails verification.</exception>
    /// <exception cref="ModelVersionNotFoundException">A version does not exist, or nothing is deployed.</exception>
    public async Task<IReadOnlyList<PairEngine>> LoadAllAsync(IEnumerable<ModelDefinition> models, IReadOnlyList<EngineCheckpoint> checkpoints, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(models);
        ArgumentNullException.ThrowIfNull(checkpoints);
        var engines = new List<PairEngine>();
        foreach (ModelDefinition model in models)
        {
            engines.Add(await LoadAsync(model, null, checkpoints.FirstOrDefault(c => c.ModelId == model.ModelId && c.PairId == model.PairId), cancellationToken).ConfigureAwait(false));
        }

        return engines;
    }

    /// <summary>
    /// Checks that every entry of <paramref name="models"/> can be served as its file says — settings, kind and a version
    /// that verifies — without reporting anything (a host's start-up check of the shards it may serve).
    /// </summary>
    /// <exception cref="ConfigException">An entry's kind is prediction-only, or its pair does not match the universe.</exception>
    /// <exception cref="ModelVerificationException">A version fails verification.</exception>
    /// <exception cref="ModelVersionNotFoundException">A version does not exist, or nothing is deployed.</exception>
    public async Task CheckAsync(IEnumerable<ModelDefinition> models, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(models);
        foreach (ModelDefinition model in models)
        {
            _ = await BuildAsync(model, null, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<(PairEngine, VerifiedVersion)> BuildAsync(ModelDefinition model, string? version, CancellationToken cancellationToken)
    {
        PairEngineOptions options = _settings.For(model);
        IPredictorKind kind = _kinds.Find(model.Kind) ?? throw new ConfigException(model.File, "kind", $"'{model.Kind}' is not a kind this host serves.");
        string? wanted = version ?? (model.Version == ModelDefinition.Deployed ? null : model.Version);
        VerifiedVersion opened = await Registry.OpenAsync(model.ModelId, wanted, cancellationToken).ConfigureAwait(false);
        IPredictor predictor = kind.Load(model, opened);
        return predictor.Trading is null
            ? throw new ConfigException(model.File, "kind", $"kind '{model.Kind}' makes predictions, not trading signals; the worker serves trading kinds.")
            : (new PairEngine(predictor, options), opened);
    }
}
