using System.Collections.Concurrent;
using System.Collections.Immutable;
using Alpha.Configuration;
using Alpha.Features;
using Alpha.MarketData;
using Alpha.Registry;
using Alpha.Signals;

namespace Alpha.Inference;

/// <summary>
/// On-demand predictions of the catalogue's models (an API's <c>models/{id}/predict</c>): a feature row through the
/// kind's prepare → predict → post-process, or a stretch of bars through a fresh engine with normal flags — the
/// decision and the signal the worker would give. Versions open through the registry (verified) and their predictors
/// are kept per version, so a moved deployed pointer is followed at the next call.
/// </summary>
public sealed class ModelPredictions
{
    /// <summary>Most bars accepted per leg in one call.</summary>
    public const int MaxBarsPerLeg = 20_000;

    private readonly PredictorKinds _kinds;
    private readonly ModelRegistry _registry;
    private readonly EngineSettings _settings;
    private readonly ConcurrentDictionary<(string ModelId, string Version), Lazy<Task<IPredictor>>> _predictors = new();

    /// <summary>Creates the service.</summary>
    /// <param name="kinds">The kinds the host serves.</param>
    /// <param name="registry">Where versions are opened.</param>
    /// <param name="settings">The engines' settings (universe, costs, sizing); its flag source should be normal flags.</param>
    public ModelPredictions(PredictorKinds kinds, ModelRegistry registry, EngineSettings settings)
    {
        ArgumentNullException.ThrowIfNull(kinds);
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(settings);
        (_kinds, _registry, _settings) = (kinds, registry, settings);
    }

    /// <summary>Predicts one feature row (the 17 pair features, in <see cref="FeatureNames.ModelInputs"/> order).</summary>
    /// <exception cref="ArgumentException">Not 17 values, or a value is NaN or infinite (the feature is named).</exception>
    /// <exception cref="ModelVersionNotFoundException">Nothing is deployed for the model.</exception>
    /// <exception cref="ModelVerificationException">The version fails verification.</exception>
    public async Task<FeaturePrediction> PredictAsync(ModelDefinition model, IReadOnlyList<double> features, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(features);
        if (features.Count != FeatureNames.Count)
        {
            throw new ArgumentException($"features: {FeatureNames.Count} values are needed ({string.Join(", ", FeatureNames.ModelInputs)}), not {features.Count}.", nameof(features));
        }

        for (int i = 0; i < features.Count; i++)
        {
            if (!double.IsFinite(features[i]))
            {
                throw new ArgumentException($"features: {FeatureNames.ModelInputs[i]} is {features[i]}; every feature must be a finite number.", nameof(features));
            }
        }

        IPredictor predictor = await PredictorAsync(model, cancellationToken).ConfigureAwait(false);
        double[] input = new double[FeatureNames.Count];
        double[] output = new double[predictor.OutputCount];
        predictor.PrepareInput([.. features], input);
        predictor.Predict(input, output);
        predictor.PostProcess(output);
        GateDecision? gates = predictor.Trading is { } t
            ? new GateDecision(t.Theta1, t.Theta2, DecisionRule.Enters(output[0], output[1], t.Theta1, t.Theta2))
            : null;
        return new FeaturePrediction(model.ModelId, predictor.ModelVersion, [.. input], [.. output], gates);
    }

    /// <summary>Runs both legs' bars through a fresh engine of a trading model.</summary>
    /// <exception cref="ArgumentException">A leg's symbol differs from the model's, or a leg has more than <see cref="MaxBarsPerLeg"/> bars.</exception>
    /// <exception cref="ConfigException">The model's kind makes predictions, not trading signals (send a feature row).</exception>
    /// <exception cref="ModelVersionNotFoundException">Nothing is deployed for the model.</exception>
    /// <exception cref="ModelVerificationException">The version fails verification.</exception>
    public async Task<BarsPrediction> PredictAsync(ModelDefinition model, BarSeries a, BarSeries b, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Symbol != model.LegA || b.Symbol != model.LegB)
        {
            throw new ArgumentException($"bars: the legs of {model.ModelId} are {model.LegA} and {model.LegB}, not {a.Symbol} and {b.Symbol}.", nameof(a));
        }

        if (a.Count > MaxBarsPerLeg || b.Count > MaxBarsPerLeg)
        {
            throw new ArgumentException($"bars: at most {MaxBarsPerLeg} bars per leg, not {Math.Max(a.Count, b.Count)}.", nameof(a));
        }

        IPredictor predictor = await PredictorAsync(model, cancellationToken).ConfigureAwait(false);
        if (predictor.Trading is null)
        {
            throw new ConfigException(model.File, "kind", $"kind '{model.Kind}' makes predictions, not trading signals: send a feature row.");
        }

        var engine = new PairEngine(predictor, _settings.For(model) with { OpsFlags = new StaticOpsFlags() });
        var scores = new List<LiveScore>();
        List<Signal> signals = PairReplay.Run(engine, a, b, scores: scores, cancellationToken: cancellationToken);
        DateTime watermark = engine.Watermark;
        return new BarsPrediction(
            model.ModelId, predictor.ModelVersion, watermark, engine.IsWarm, scores.Count > 0 ? scores[^1] : null,
            [.. signals.Where(s => s.Timestamp.UtcDateTime == watermark)], signals.Count);
    }

    private async Task<IPredictor> PredictorAsync(ModelDefinition model, CancellationToken cancellationToken)
    {
        IPredictorKind kind = _kinds.Find(model.Kind) ?? throw new ConfigException(model.File, "kind", $"'{model.Kind}' is not a kind this host serves.");
        string version = model.Version == ModelDefinition.Deployed
            ? await _registry.DeployedAsync(model.ModelId, cancellationToken).ConfigureAwait(false) ?? throw new ModelVersionNotFoundException(model.ModelId, ModelDefinition.Deployed)
            : model.Version;
        Lazy<Task<IPredictor>> lazy = _predictors.GetOrAdd((model.ModelId, version), key => new Lazy<Task<IPredictor>>(async () =>
        {
            VerifiedVersion opened = await _registry.OpenAsync(key.ModelId, key.Version, CancellationToken.None).ConfigureAwait(false);
            return kind.Load(model, opened);
        }));
        try
        {
            return await lazy.Value.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            _ = _predictors.TryRemove(new KeyValuePair<(string, string), Lazy<Task<IPredictor>>>((model.ModelId, version), lazy));     // a refused or missing version is looked at again next time
            throw;
        }
    }
}
