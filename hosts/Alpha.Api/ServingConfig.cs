using Alpha.Configuration;
using Alpha.Inference;
using Alpha.Training;

namespace Alpha.Api;

/// <summary>
/// What the API serves, loaded and validated at start-up like the worker's: the catalogue with its kinds, the engines'
/// settings from the policy files (the same binding code the retrain flow uses), dd_policy.yaml, and the retraining policy (to tell when failures have disabled a model's retraining). A bad file is a
/// <see cref="ConfigException"/> naming file and key, and the API does not start.
/// </summary>
internal sealed record ServingConfig(PredictorKinds Kinds, ModelCatalogue Catalogue, EngineSettings Engines, DrawdownPolicy Drawdown, Alpha.Retraining.RetrainPolicy Retraining)
{
    public static ServingConfig Load(ApiSettings settings)
    {
        PredictorKinds kinds = PredictorKinds.BuiltIn;
        TrainingPolicy policy = PolicyLoader.Load(settings.Configs);
        return new ServingConfig(
            kinds,
            ModelCatalogue.Load(settings.Catalogue, kinds),
            EngineSettings.Load(settings.Configs, policy.Alignment, policy.Backtest),
            DrawdownPolicy.Load(settings.Configs),
            policy.Retraining);
    }
}
