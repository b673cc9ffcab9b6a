using System.Text;
using Alpha.Boosting;

namespace Alpha.TestUtils;

/// <summary>
/// What the model-file mutation runs feed and do (the test in Alpha.Boosting.Tests and the 100,000-case command in
/// benchmarks/): the well-formed models to mutate, and loading a mutant then predicting with it.
/// </summary>
public static class ModelMutationCases
{
    /// <summary>LightGBM models of the shared parity data: binary with a categorical split, multiclass, DART.</summary>
    public static byte[][] LightGbmModels(string parityFolder) =>
        [.. new[] { "model_simple.txt", "lgmulticlass.model", "lg_dart_breast_cancer.model" }.Select(f => File.ReadAllBytes(Path.Combine(parityFolder, f)))];

    /// <summary>Every XGBoost JSON model in a folder, in name order.</summary>
    public static byte[][] XGBoostModels(string folder) =>
        [.. Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal).Select(File.ReadAllBytes)];

    /// <summary>Loads a mutant as XGBoost JSON and predicts with it.</summary>
    public static void XGBoostJson(byte[] bytes) => Exercise(BoostedTreeModel.LoadXGBoostJson(bytes));

    /// <summary>Loads a mutant as LightGBM text and predicts with it.</summary>
    public static void LightGbmText(byte[] bytes) => Exercise(BoostedTreeModel.LoadLightGbmText(Encoding.UTF8.GetString(bytes)));

    /// <summary>The loaders' one typed refusal.</summary>
    public static bool IsTyped(Exception e) => e is ModelFormatException;

    // Rows of ordinary, extreme and missing values, singly and in a batch (a model of more than 65,536 features, which a
    // mutant may declare, is only loaded).
    private static void Exercise(BoostedTreeModel model)
    {
        if (model.FeatureCount > 1 << 16)
        {
            return;
        }

        double[] values = [0, 1.5, -3, double.NaN, 1e300, -1e300, 7, 0.25];
        var rows = new double[4 * model.FeatureCount];
        for (int i = 0; i < rows.Length; i++)
        {
            rows[i] = values[((i * 7) + (i / model.FeatureCount)) % values.Length];
        }

        var output = new double[model.OutputCount];
        model.Predict(rows.AsSpan(0, model.FeatureCount), output);
        model.PredictRaw(rows.AsSpan(0, model.FeatureCount), output);
        model.PredictBatch(rows, new double[4 * model.OutputCount]);
    }
}
