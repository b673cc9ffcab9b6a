using System.Collections.Immutable;
using System.Text;
using Alpha.Boosting.Training;

namespace Alpha.Boosting.LightGbm.Tests;

/// <summary>
/// The managed evaluator against native LightGBM 4.7 (<c>LGBM_BoosterPredictForMat</c>) on every kind of model the
/// trainer makes and on the shared parity models: raw and transformed outputs agree to 1e-12 on 10,000 varied rows
/// (missing values, zeros, extremes, unseen categories).
/// </summary>
public sealed class LightGbmParityTests
{
    private const int Rows = 10_000;

    public static TheoryData<string> Kinds() => ["binary", "multiclass", "regression", "binary-rf", "binary-categorical", "binary-unbagged"];

    [Theory]
    [MemberData(nameof(Kinds))]
    public void TrainedModel_ManagedEqualsNative(string kind)
    {
        (float[] x, float[] binary, float[] class3, float[] regression) = Synthetic.Make(3_000, 11);
        var parameters = new LightGbmParameters { Threads = 1, MinDataInLeaf = 10 };
        (float[] y, LightGbmParameters p) = kind switch
        {
            "multiclass" => (class3, parameters with { Objective = "multiclass", NumClass = 3 }),
            "regression" => (regression, parameters with { Objective = "regression" }),
            // Random forest: averaged trees (average_output in model.txt), bagging required.
            "binary-rf" => (binary, parameters with { Boosting = "rf", BaggingFraction = 0.7, BaggingFrequency = 1 }),
            "binary-categorical" => (binary, parameters with { Extra = ImmutableDictionary<string, string>.Empty.Add("categorical_feature", "3").Add("min_data_per_group", "5").Add("cat_smooth", "1") }),
            _ => (binary, parameters with { BaggingFrequency = 0, FeatureFraction = 1 }),
        };

        BoosterTrainingResult result = new LightGbmTrainer().Train(Synthetic.Dataset(x, y), null, p, new BoosterTrainingOptions { MaxRounds = 60, EarlyStoppingRounds = null });

        string text = Encoding.UTF8.GetString(result.Model.AsSpan());
        if (kind == "binary-categorical")
        {
            Assert.Contains("num_cat=", text, StringComparison.Ordinal);
            Assert.DoesNotContain("num_cat=0\n", text.Split("Tree=")[1], StringComparison.Ordinal);
        }

        if (kind == "binary-rf")
        {
            Assert.Contains("average_output", text, StringComparison.Ordinal);
        }

        AssertManagedEqualsNative(text, Synthetic.Columns, Synthetic.VariedRows(Rows, 5));
    }

    public static TheoryData<string, int> SharedModels() => new()
    {
        { "model_simple.txt", 2 },
        { "lgmulticlass.model", 0 },
        { "lg_dart_breast_cancer.model", 0 },
    };

    [SharedDataTheory]
    [MemberData(nameof(SharedModels))]
    public void SharedParityModel_ManagedEqualsNative(string file, int columns)
    {
        string text = File.ReadAllText(TestEnvironment.SharedFile("lightgbm-parity", file));
        BoostedTreeModel managed = BoostedTreeModel.LoadLightGbmText(text);
        int width = columns > 0 ? columns : managed.FeatureCount;

        AssertManagedEqualsNative(text, width, VariedRows(width, Rows, 17));
    }

    private static void AssertManagedEqualsNative(string text, int columns, double[] rows)
    {
        BoostedTreeModel managed = BoostedTreeModel.LoadLightGbmText(text);
        using LightGbmNativeModel native = LightGbmNativeModel.Load(text, columns);
        Assert.Equal(native.Outputs, managed.OutputCount);
        foreach (bool raw in new[] { true, false })
        {
            double[] expected = native.Predict(rows, raw);
            var actual = new double[expected.Length];
            managed.PredictBatch(rows, actual, raw);
            Numeric.AssertClose(expected, actual, rel: 1e-12, abs: 1e-12);
        }
    }

    private static double[] VariedRows(int columns, int rows, ulong seed)
    {
        var random = new Lcg(seed);
        var x = new double[rows * columns];
        for (int i = 0; i < x.Length; i++)
        {
            double u = random.Next();
            x[i] = u < 0.08 ? double.NaN : u < 0.12 ? 0 : u < 0.14 ? Math.Floor(random.Next() * 8) : (random.Next() * 40) - 10;
        }

        return x;
    }
}
