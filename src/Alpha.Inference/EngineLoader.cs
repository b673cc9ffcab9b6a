using Alpha.Configuration;
using Alpha.Registry;

namespace Alpha.Inference;

/// <summary>
/// Builds the engines a worker serves: for each catalogue entry, its version opened through the registry (checksums
/// and signature verified; <c>deployed</c> follows the pointer), the kind's predictor, the engine with the host's
/// settings, restored from its latest checkpoint when there is one; each version loaded is reported to the registry.
/// </summary>
public static class EngineLoader
{
    /// <summary>Loads every entry of <paramref name="catalogue"/>.</summary>
    /// <param name="catalogue">The model catalogue.</param>
    /// <param name="kinds">The kinds the host serves.</param>
    /// <param name="registry">Where versions are opened and loads reported.</param>
    /// <param name="settings">The host's engine settings.</param>
    /// <param name="checkpoints">The latest checkpoints (from the outbox); an engine without one starts flat.</param>
    /// <param name="host">The host's name in the registry's <c>ServedBy</c> reports.</param>
    /// <param name="cancellationToken">Stops loading.</param>
    /// <exception cref="ConfigException">An entry's kind is prediction-only, or its pair does not match the universe.</exception>
    /// <exception cref="ModelVerificationException">A version fails verification (nothing is served from it).</exception>
    public static async Task<IReadOnlyList<PairEngine>> LoadAsync(
        ModelCatalogue catalogue, PredictorKinds kinds, ModelRegistry registry, EngineSettings settings,
        IReadOnlyList<EngineCheckpoint> checkpoints, string host, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        ArgumentNullException.ThrowIfNull(kinds);
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(checkpoints);
        ArgumentException.ThrowIfNullOrWhiteSpace(host);
        var engines = new List<PairEngine>(catalogue.Models.Length);
        foreach (ModelDefinition model in catalogue.Models)
        {
            PairEngineOptions options = settings.For(model);
            IPredictorKind kind = kinds.Find(model.Kind) ?? throw new ConfigException(model.File, "kind", $"'{model.Kind}' is not a kind this host serves.");
            VerifiedVersion version = await registry.OpenAsync(model.ModelId, model.Version == ModelDefinition.Deployed ? null : model.Version, cancellationToken).ConfigureAwait(false);
            IPredictor predictor = kind.Load(model, version);
            if (predictor.Trading is null)
            {
                throw new ConfigException(model.File, "kind", $"kind '{model.Kind}' makes predictions, not trading signals; the worker serves trading kinds.");
            }

            var engine = new PairEngine(predictor, options);
            if (checkpoints.FirstOrDefault(c => c.ModelId == model.ModelId && c.PairId == model.PairId) is { } checkpoint)
            {
                engine.Restore(checkpoint);
            }

            await registry.ReportLoadedAsync(model.ModelId, predictor.ModelVersion, host, version.Verification.ChecksumsDigest ?? "", cancellationToken).ConfigureAwait(false);
            engines.Add(engine);
        }

        return engines;
    }
}
