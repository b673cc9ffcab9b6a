using System.Globalization;

namespace Alpha.Boosting.Tests;

/// <summary>The LightGBM models of ../shared/data/lightgbm-parity against predictions made by real LightGBM.</summary>
public sealed class LightGbmParityTests
{
    private static double[][] Rows(string file, int skipColumns = 0) =>
        [.. File.ReadAllLines(TestEnvironment.SharedFile("lightgbm-parity", file))
            .Where(l => l.Length > 0)
            .Select(l => l.Split('\t').Skip(skipColumns).Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray())];

    [SharedDataFact]
    public void DartBinary_EqualsLightGbmProbabilities()
    {
        var model = BoostedTreeModel.Load(TestEnvironment.SharedFile("lightgbm-parity", "lg_dart_breast_cancer.model"));
        double[][] x = Rows("breast_cancer_test.tsv");
        double[] expected = [.. Rows("lg_dart_breast_cancer_true_predictions.txt").Select(r => r[0])];

        Assert.Equal((30, 1, 10), (model.FeatureCount, model.OutputCount, model.TreeCount));
        Assert.Equal(expected.Length, x.Length);
        for (int i = 0; i < x.Length; i++)
        {
            Numeric.AssertClose(expected[i], model.Predict(x[i]), rel: 0, abs: 1e-9, what: $"row {i}");
        }
    }

    [SharedDataFact]
    public void Multiclass_EqualsLightGbmRawScoresAndSoftmax()
    {
        var model = BoostedTreeModel.Load(TestEnvironment.SharedFile("lightgbm-parity", "lgmulticlass.model"));
        double[][] x = Rows("multiclass_test.tsv", skipColumns: 1);
        double[][] raw = Rows("lgmulticlass_true_raw_predictions.txt");
        double[][] probabilities = Rows("lgmulticlass_true_predictions.txt");
        var output = new double[5];

        Assert.Equal((28, 5, 50), (model.FeatureCount, model.OutputCount, model.TreeCount));
        for (int i = 0; i < x.Length; i++)
        {
            model.PredictRaw(x[i], output);
            Numeric.AssertClose(raw[i], output, rel: 0, abs: 1e-9, what: $"raw row {i}");
            model.Predict(x[i], output);
            Numeric.AssertClose(probabilities[i], output, rel: 0, abs: 1e-9, what: $"probabilities row {i}");
        }
    }

    [SharedDataFact]
    public void SimpleCategoricalModel_FollowsTheBitsetAndNaNRules()
    {
        // model_simple.txt: both trees split X2 categorically first (decision_type 9: categorical, NaN missing);
        // cat_threshold words [0, 0, 0, 16] set bit 4 of word 3 = category 100 → left leaf 0. Otherwise X1 ≤ 340.5.
        var model = BoostedTreeModel.Load(TestEnvironment.SharedFile("lightgbm-parity", "model_simple.txt"));
        static double Sigmoid(double x) => 1 / (1 + Math.Exp(-x));

        Assert.Equal(Sigmoid(0.56697267424823339 + 0.12883103567558912), model.Predict([1, 100]));
        Assert.Equal(Sigmoid(0.3584987837673016 + -0.063872842243335157), model.Predict([300, 3]));
        Assert.Equal(Sigmoid(0.41213915936587919 + -0.016484332942214807), model.Predict([500, 3]));
        // NaN and negative categories go right (tree.h CategoricalDecision); 132 = word 4 is past the bitset.
        Assert.Equal(Sigmoid(0.41213915936587919 + -0.016484332942214807), model.Predict([500, double.NaN]));
        Assert.Equal(Sigmoid(0.3584987837673016 + -0.063872842243335157), model.Predict([1, -100]));
        Assert.Equal(Sigmoid(0.3584987837673016 + -0.063872842243335157), model.Predict([1, 132]));
    }

    [SharedDataFact]
    public void TreeFragments_Parse()
    {
        foreach ((string file, int leaves) in new[] { ("tree_1leaf.txt", 1), ("tree_2leaves.txt", 2), ("tree_3leaves.txt", 3) })
        {
            string[] lines = File.ReadAllLines(TestEnvironment.SharedFile("lightgbm-parity", file));
            int start = Array.FindIndex(lines, l => l.StartsWith("Tree=", StringComparison.Ordinal));
            (LightGbmTree tree, _) = LightGbmTextLoader.ParseTree(lines, start, featureCount: 2);
            Assert.Equal(leaves, tree.LeafValue.Length);
        }
    }
}
