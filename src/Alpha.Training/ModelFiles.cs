namespace Alpha.Training;

/// <summary>The file names of a model version folder.</summary>
public static class ModelFiles
{
    /// <summary>AI1 booster (XGBoost JSON).</summary>
    public const string Ai1Model = "model_ai1.json";

    /// <summary>AI2 booster (XGBoost JSON).</summary>
    public const string Ai2Model = "model_ai2.json";

    /// <summary>AI1 calibrator (<c>CalibratorJson</c>).</summary>
    public const string Ai1Calibrator = "calibrator_ai1.json";

    /// <summary>AI2 calibrator.</summary>
    public const string Ai2Calibrator = "calibrator_ai2.json";

    /// <summary>Feature names, windows and scaler parameters (canonical JSON; its SHA-256 is the schema hash).</summary>
    public const string FeatureSchema = "feature_schema.json";

    /// <summary>θ1, θ2, M and the label thresholds.</summary>
    public const string Params = "params.yaml";

    /// <summary>Cross-fitted model metrics, folds, θ search, backtest, stress and adoption.</summary>
    public const string Metrics = "metrics.json";

    /// <summary>The alignment's data-quality report.</summary>
    public const string DataQuality = "data_quality.json";

    /// <summary>Input files with row counts, time ranges and SHA-256, and the run's data hash.</summary>
    public const string DatasetIndex = "dataset_index.json";

    /// <summary>SHA-256 of the code that trained the model.</summary>
    public const string CodeHash = "code_hash";

    /// <summary>The run's seed.</summary>
    public const string Seed = "seed";

    /// <summary>SHA-256 of every file above (the version's short hash is that of this file).</summary>
    public const string Checksums = "checksums.json";

    /// <summary>The version and its creation time: the one file outside the checksums (it names the checksums' hash).</summary>
    public const string Run = "run.json";
}
