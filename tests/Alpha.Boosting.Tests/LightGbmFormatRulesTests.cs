namespace Alpha.Boosting.Tests;

/// <summary>
/// LightGBM features without a LightGBM-made prediction here, on small model texts written for the test. Expected
/// outputs are worked out from the format's rules: decisions from include/LightGBM/tree.h (NumericalDecision,
/// CategoricalDecision, kZeroThreshold = 1e-35, decision_type bits: 1 categorical, 2 default-left, bits 2–3 the
/// missing type 0 None / 1 Zero / 2 NaN), linear leaves from Tree::Predict with is_linear, transforms from
/// src/objective (binary and multiclassova: 1 / (1 + exp(−sigmoid·x)); poisson, gamma, tweedie: exp; cross_entropy:
/// 1 / (1 + exp(−x)); cross_entropy_lambda: log(1 + exp(x)); reg_sqrt: sign(x)·x²), average_output from
/// GBDT::PredictRaw (the sum divided by the number of iterations).
/// </summary>
public sealed class LightGbmFormatRulesTests
{
    private static string Model(string objective, int features, string trees, int numClass = 1, bool averageOutput = false) => $"""
        tree
        version=v4
        num_class={numClass}
        num_tree_per_iteration={numClass}
        label_index=0
        max_feature_idx={features - 1}
        objective={objective}
        {(averageOutput ? "average_output" : "")}

        {trees}
        end of trees
        """;

    private static string Stump(int id, int feature, string threshold, int decisionType, double left, double right, string extra = "") => $"""
        Tree={id}
        num_leaves=2
        num_cat={(extra.Length > 0 ? 1 : 0)}
        split_feature={feature}
        threshold={threshold}
        decision_type={decisionType}
        left_child=-1
        right_child=-2
        leaf_value={left} {right}
        {extra}
        shrinkage=1

        """;

    private static BoostedTreeModel Load(string text) => BoostedTreeModel.LoadLightGbmText(text);

    [Fact]
    public void ZeroMissing_SendsZeroTinyAndNaNToTheDefaultSide()
    {
        // decision_type 6 = default left (2) + missing Zero (1 << 2): 0, |x| ≤ 1e-35 and NaN (turned into 0) go left.
        var model = Load(Model("regression", 1, Stump(0, 0, "-1", 6, 10, 20)));
        Assert.Equal(10, model.Predict([0.0]));
        Assert.Equal(10, model.Predict([1e-36]));
        Assert.Equal(10, model.Predict([double.NaN]));
        Assert.Equal(20, model.Predict([1e-30]));
        Assert.Equal(10, model.Predict([-2.0]));
    }

    [Fact]
    public void NaNMissing_DefaultRight_OnlyNaNIsMissing()
    {
        // decision_type 8 = missing NaN (2 << 2), default right: NaN → right; 0 is an ordinary value (0 ≤ 0.5 → left).
        var model = Load(Model("regression", 1, Stump(0, 0, "0.5", 8, 1, 2)));
        Assert.Equal(2, model.Predict([double.NaN]));
        Assert.Equal(1, model.Predict([0.0]));
        Assert.Equal(1, model.Predict([0.5]));
        Assert.Equal(2, model.Predict([0.50000001]));
    }

    [Fact]
    public void NoneMissing_TreatsNaNAsZero()
    {
        // decision_type 0: NaN becomes 0, then 0 ≤ −1 is false → right.
        var model = Load(Model("regression", 1, Stump(0, 0, "-1", 0, 1, 2)));
        Assert.Equal(2, model.Predict([double.NaN]));
        Assert.Equal(1, model.Predict([-3.0]));
    }

    [Fact]
    public void CategoricalBitset_SpanningTwoWords()
    {
        // cat_threshold words 5 (bits 0, 2) and 2 (bit 1 of word 1 = category 33) are the left set.
        var model = Load(Model("regression", 1, Stump(0, 0, "0", 1, 7, 9, "cat_boundaries=0 2\ncat_threshold=5 2")));
        foreach (double category in new[] { 0.0, 2.0, 33.0, 2.9 })
        {
            Assert.Equal(7, model.Predict([category]));
        }

        foreach (double category in new[] { 1.0, 32.0, 64.0, 1000.0, -1.0, double.NaN })
        {
            Assert.Equal(9, model.Predict([category]));
        }
    }

    [Fact]
    public void LinearTree_AddsTheLeafsLinearModel_FallsBackOnNaN()
    {
        const string tree = """
            Tree=0
            num_leaves=2
            num_cat=0
            split_feature=0
            threshold=0
            decision_type=2
            left_child=-1
            right_child=-2
            leaf_value=1 2
            is_linear=1
            leaf_const=0.5 -1
            num_features=2 1
            leaf_features=1 2  1 
            leaf_coeff=0.25 -2  3 
            shrinkage=1

            """;
        var model = Load(Model("regression", 3, tree));
        Assert.Equal(0.5 + (0.25 * 4) + (-2 * 0.5), model.Predict([-1, 4, 0.5]));
        Assert.Equal(-1 + (3 * 4), model.Predict([1, 4, 0.5]));
        Assert.Equal(1, model.Predict([-1, 4, double.NaN]));
        Assert.Equal(-1 + (3 * 4), model.Predict([1, 4, double.NaN]));
    }

    [Fact]
    public void MulticlassOva_AppliesTheScaledSigmoidPerClass()
    {
        string trees = Stump(0, 0, "0", 2, 0.4, -0.2) + Stump(1, 0, "0", 2, -1.0, 0.3) + Stump(2, 0, "0", 2, 0.0, 2.0);
        var model = Load(Model("multiclassova num_class:3 sigmoid:2", 1, trees, numClass: 3));
        var output = new double[3];
        model.Predict([1.0], output);
        Assert.Equal(new[] { 1 / (1 + Math.Exp(-2 * -0.2)), 1 / (1 + Math.Exp(-2 * 0.3)), 1 / (1 + Math.Exp(-2 * 2.0)) }, output);
    }

    [Theory]
    [InlineData("poisson")]
    [InlineData("gamma")]
    [InlineData("tweedie")]
    public void ExpObjectives_ExponentiateTheSum(string objective)
    {
        var model = Load(Model(objective, 1, Stump(0, 0, "0", 2, 0.25, 0.5) + Stump(1, 0, "0", 2, 0.125, 1)));
        Assert.Equal(Math.Exp(0.25 + 0.125), model.Predict([-1.0]));
        Assert.Equal(0.25 + 0.125, model.PredictRaw([-1.0]));
    }

    [Fact]
    public void AverageOutput_DividesByTheIterationsBeforeTheTransform_RawStaysTheSum()
    {
        // GBDT::Predict averages then transforms; GBDT::PredictRaw returns the sum. Native LightGBM 4.7 settles it
        // (Alpha.Boosting.LightGbm.Tests: a boosting=rf model's raw scores equal LGBM_BoosterPredictForMat's).
        var model = Load(Model("binary sigmoid:1", 1, Stump(0, 0, "0", 2, 0.2, 0.0) + Stump(1, 0, "0", 2, 0.6, 0.0), averageOutput: true));
        Assert.Equal(0.8, model.PredictRaw([-1.0]), 15);
        Assert.Equal(1 / (1 + Math.Exp(-((0.2 + 0.6) / 2))), model.Predict([-1.0]));
    }

    [Fact]
    public void CrossEntropyObjectives()
    {
        Assert.Equal(1 / (1 + Math.Exp(-0.7)), Load(Model("cross_entropy", 1, Stump(0, 0, "0", 2, 0.7, 0))).Predict([-1.0]));
        Assert.Equal(Math.Log(1 + Math.Exp(0.7)), Load(Model("cross_entropy_lambda", 1, Stump(0, 0, "0", 2, 0.7, 0))).Predict([-1.0]));
    }

    [Fact]
    public void RegressionSqrt_SquaresWithSign()
    {
        var model = Load(Model("regression sqrt", 1, Stump(0, 0, "0", 2, -3, 2)));
        Assert.Equal(-9, model.Predict([-1.0]));
        Assert.Equal(4, model.Predict([1.0]));
    }

    [SharedDataFact]
    public void TreeFragments_EvaluateByTheirRules()
    {
        string Fragment(string file) => File.ReadAllText(TestEnvironment.SharedFile("lightgbm-parity", file));

        // tree_2leaves: x0 ≤ 5 → 0.43 else 0.59; decision_type 2 (default left, missing None): NaN → 0 → left.
        var two = Load(Model("regression", 2, Fragment("tree_2leaves.txt")));
        Assert.Equal(0.43, two.Predict([5.0, 0]));
        Assert.Equal(0.59, two.Predict([5.0000001, 0]));
        Assert.Equal(0.43, two.Predict([double.NaN, 0]));
        // tree_1leaf: a single leaf whatever the input.
        Assert.Equal(0.123, Load(Model("regression", 2, Fragment("tree_1leaf.txt"))).Predict([1.0, 2.0]));
    }
}
