using Alpha.Boosting.Training;

namespace Alpha.Registry;

/// <summary>The file names of a model version folder (<c>models_root/{model_version}/</c>).</summary>
public static class ModelFiles
{
    /// <summary>AI1 booster when XGBoost trained it (XGBoost JSON).</summary>
    public const string Ai1Model = "model_ai1.json";

    /// <summary>AI2 booster when XGBoost trained it (XGBoost JSON).</summary>
    public const string Ai2Model = "model_ai2.json";

    /// <summary>AI1 booster when LightGBM trained it (LightGBM <c>model.txt</c>).</summary>
    public const string Ai1ModelText = "model_ai1.txt";

    /// <summary>AI2 booster when LightGBM trained it (LightGBM <c>model.txt</c>).</summary>
    public const string Ai2ModelText = "model_ai2.txt";

    /// <summary>The file name of booster <paramref name="model"/> (<c>ai1</c> or <c>ai2</c>) in <paramref name="format"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Neither ai1 nor ai2, or an unknown format.</exception>
    public static string Booster(string model, ModelFormat format) => (model, format) switch
    {
        ("ai1", ModelFormat.XGBoostJson) => Ai1Model,
        ("ai2", ModelFormat.XGBoostJson) => Ai2Model,
        ("ai1", ModelFormat.LightGbmText) => Ai1ModelText,
        ("ai2", ModelFormat.LightGbmText) => Ai2ModelText,
        _ => throw new ArgumentOutOfRangeException(nameof(model), $"No booster file for {model} in {format}."),
    };

    /// <summary>
    /// The path of a version folder's booster <paramref name="model"/> (<c>ai1</c> or <c>ai2</c>): a version holds each
    /// booster in the format that trained it, XGBoost JSON if present, else LightGBM text.
    /// </summary>
    public static string FindBooster(string folder, string model)
    {
        string json = Path.Combine(folder, Booster(model, ModelFormat.XGBoostJson));
        return File.Exists(json) ? json : Path.Combine(folder, Booster(model, ModelFormat.LightGbmText));
    }

    /// <summary>AI1 calibrator (<c>CalibratorJson</c>).</summary>
    public const string Ai1Calibrator = "calibrator_ai1.json";

    /// <summary>AI2 calibrator.</summary>
    public const string Ai2Calibrator = "calibrator_ai2.json";

    /// <summary>Feature names, windows and scaler parameters (canonical JSON; its SHA-256 is the schema hash).</summary>
    public const string FeatureSchema = "feature_schema.json";

    /// <summary>θ1, θ2, M and the label thresholds.</summary>
    public const string Params = "params.yaml";

    /// <summary>A direction-3class version's booster (LightGBM text, 3 outputs: down, range, up).</summary>
    public const string DirectionModel = "direction_model.txt";

    /// <summary>A direction-3class version's parameters (<see cref="DirectionParameters"/>).</summary>
    public const string DirectionParams = "direction_params.yaml";

    /// <summary>A direction-3class version's cross-fitted probabilities per sample bar: <c>bar_time,label,p_down,p_range,p_up</c>.</summary>
    public const string DirectionOutOfFold = "oof_probabilities.csv";

    /// <summary>Cross-fitted model metrics, folds, θ search, backtest, stress and adoption.</summary>
    public const string Metrics = "metrics.json";

    /// <summary>
    /// Daily equity of the cross-fitted (out-of-fold) backtest at the chosen θ: <c>{"daily": [["2020-01-02", 1000000.0], …]}</c>
    /// (Alpha.Backtesting's <c>EquityCurveJson</c>). Versions trained before it was added have none.
    /// </summary>
    public const string Equity = "equity.json";

    /// <summary>
    /// The monitoring reference frozen from the out-of-fold data: decile edges, counts, mean and SD of every model input
    /// and of the calibrated AI1/AI2 scores, the out-of-fold AUC, the backtest's win rate and θ2 (Alpha.Monitoring's
    /// <c>DriftReferenceJson</c>). Versions trained before it was added have none.
    /// </summary>
    public const string DriftReference = "drift_reference.json";

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

    /// <summary>The version and its creation time: outside the checksums (it names the checksums' hash), inside the signature.</summary>
    public const string Run = "run.json";

    /// <summary>The key id and ECDSA P-256 signature over SHA-256(<see cref="Checksums"/> bytes ‖ <see cref="Run"/> bytes).</summary>
    public const string Signature = "signature.json";
}
