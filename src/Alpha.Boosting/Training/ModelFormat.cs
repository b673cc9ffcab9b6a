namespace Alpha.Boosting.Training;

/// <summary>The serialised form of a trained model, as <see cref="BoostedTreeModel"/> loads it.</summary>
public enum ModelFormat
{
    /// <summary>XGBoost JSON (<c>save_model("model.json")</c>); loaded by <see cref="BoostedTreeModel.LoadXGBoostJson"/>.</summary>
    XGBoostJson,

    /// <summary>LightGBM text (<c>model.txt</c>); loaded by <see cref="BoostedTreeModel.LoadLightGbmText"/>.</summary>
    LightGbmText,
}
