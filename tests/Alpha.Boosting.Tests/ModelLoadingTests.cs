namespace Alpha.Boosting.Tests;

public sealed class ModelLoadingTests
{
    private const string Header = "tree\nversion=v3\nnum_class=1\nnum_tree_per_iteration=1\nmax_feature_idx=1\nobjective=regression\n\n";

    private const string Tree = "Tree=0\nnum_leaves=2\nnum_cat=0\nsplit_feature=0\nthreshold=1\ndecision_type=2\nleft_child=-1\nright_child=-2\nleaf_value=1 2\nshrinkage=1\n\n";

    [Fact]
    public void LightGbm_Truncated_SaysSo() =>
        Assert.Contains("truncated", Assert.Throws<ModelFormatException>(() => BoostedTreeModel.LoadLightGbmText(Header + Tree)).Message, StringComparison.Ordinal);

    [Fact]
    public void LightGbm_WrongValueCount_NamesLineAndKey()
    {
        var error = Assert.Throws<ModelFormatException>(() => BoostedTreeModel.LoadLightGbmText(Header + Tree.Replace("leaf_value=1 2", "leaf_value=1", StringComparison.Ordinal) + "end of trees\n"));
        Assert.Equal("line 16, key leaf_value", error.Location);
        Assert.Contains("1 values; 2 were expected", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LightGbm_BadNumber_NamesLineAndKey() =>
        Assert.Equal("line 12, key threshold", Assert.Throws<ModelFormatException>(() => BoostedTreeModel.LoadLightGbmText(Header + Tree.Replace("threshold=1", "threshold=x", StringComparison.Ordinal) + "end of trees\n")).Location);

    [Fact]
    public void LightGbm_MissingKey_NamesIt() =>
        Assert.Contains("key left_child", Assert.Throws<ModelFormatException>(() => BoostedTreeModel.LoadLightGbmText(Header + Tree.Replace("left_child=-1\n", "", StringComparison.Ordinal) + "end of trees\n")).Message, StringComparison.Ordinal);

    [Fact]
    public void LightGbm_SplitOnAFeatureOutsideTheModel_IsRefused() =>
        Assert.Contains("outside the model's 2 features", Assert.Throws<ModelFormatException>(() => BoostedTreeModel.LoadLightGbmText(Header + Tree.Replace("split_feature=0", "split_feature=5", StringComparison.Ordinal) + "end of trees\n")).Message, StringComparison.Ordinal);

    [Fact]
    public void LightGbm_UnknownObjective_IsRefused() =>
        Assert.Contains("'lambdamart'", Assert.Throws<ModelFormatException>(() => BoostedTreeModel.LoadLightGbmText(Header.Replace("regression", "lambdamart", StringComparison.Ordinal) + Tree + "end of trees\n")).Message, StringComparison.Ordinal);

    [Fact]
    public void XGBoost_TruncatedJson_IsAFormatError() =>
        Assert.Throws<ModelFormatException>(() => BoostedTreeModel.LoadXGBoostJson("""{"learner": {"learner_model_param": {"num_feature": "2" """u8));

    [Fact]
    public void XGBoost_MissingField_NamesItsPath() =>
        Assert.Equal("learner.gradient_booster", Assert.Throws<ModelFormatException>(() => BoostedTreeModel.LoadXGBoostJson("""{"learner": {"learner_model_param": {"num_feature": "2", "num_class": "0", "base_score": "5E-1"}, "objective": {"name": "binary:logistic"}}}"""u8)).Location);

    [Fact]
    public void Predict_WrongFeatureCount_IsRejected()
    {
        var model = BoostedTreeModel.LoadLightGbmText(Header + Tree + "end of trees\n");
        Assert.Throws<ArgumentException>(() => model.Predict([1.0, 2.0, 3.0]));
    }

    [Fact]
    public void Load_File_DetectsTheFormatAndNamesTheFileOnError()
    {
        string path = Path.Combine(Path.GetTempPath(), $"alpha-model-{Guid.NewGuid():N}.txt");
        try
        {
            File.WriteAllText(path, Header + Tree + "end of trees\n");
            Assert.Equal(2, BoostedTreeModel.Load(path).Predict([3.0, 0]));
            File.WriteAllText(path, Header + Tree);
            Assert.StartsWith(path, Assert.Throws<ModelFormatException>(() => BoostedTreeModel.Load(path)).Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void SingleRowPrediction_DoesNotAllocate()
    {
        var model = BoostedTreeModel.LoadXGBoostJson(File.ReadAllBytes(TestEnvironment.TestDataFile(Path.Combine("xgboost", "multi_softprob.json"))));
        double[] row = [0.1, -0.3, double.NaN, 1.2, 0.4, -2];
        var output = new double[model.OutputCount];
        model.Predict(row, output);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1000; i++)
        {
            model.Predict(row, output);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
